import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { removeConflict } from '$lib/server/judging/conflicts-service';
import { idPathSchema } from '$lib/schemas/competition';

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	await removeConflict(actor, readParams(event.params, idPathSchema).id);
	return new Response(null, { status: 204 });
});
