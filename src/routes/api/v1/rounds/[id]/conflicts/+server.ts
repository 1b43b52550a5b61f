import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { declareConflict, listConflicts } from '$lib/server/judging/conflicts-service';
import { idPathSchema } from '$lib/schemas/competition';
import { declareConflictSchema } from '$lib/schemas/judges';
import { toApiConflicts } from '$lib/server/api/judge-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiConflicts(await listConflicts(actor, readParams(event.params, idPathSchema).id))));

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiConflicts(await declareConflict(actor, id, await readJsonBody(event, declareConflictSchema))), { status: 201 });
});
