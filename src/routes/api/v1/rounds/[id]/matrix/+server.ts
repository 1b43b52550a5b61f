import type { RequestHandler } from './$types';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlForApi } from '$lib/server/round-control/access';
import { getRoundMatrix } from '$lib/server/round-control/matrix-service';
import { toApiMatrix } from '$lib/server/api/round-control-representations';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	return Response.json(toApiMatrix(await getRoundMatrix(control)));
});
