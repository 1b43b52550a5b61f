import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlAsManager } from '$lib/server/round-control/access';
import { signOffRound } from '$lib/server/round-control/sign-off';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const control = await controlAsManager(actor, readParams(event.params, idPathSchema).id);
	return Response.json({ roundId: control.round.id, ...(await signOffRound(control)) });
});
