import type { RequestHandler } from './$types';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlForApi } from '$lib/server/round-control/access';
import { signOffRound } from '$lib/server/round-control/sign-off';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	return Response.json({ roundId: control.round.id, ...(await signOffRound(control)) });
});
