import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlAsManager } from '$lib/server/round-control/access';
import { getRoundMatrix } from '$lib/server/round-control/matrix-service';
import { toApiMatrix } from '$lib/server/api/round-control-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const control = await controlAsManager(actor, readParams(event.params, idPathSchema).id);
	return Response.json(toApiMatrix(await getRoundMatrix(control)));
});
