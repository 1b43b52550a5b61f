import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { candidateTallies } from '$lib/server/vote-review/review-service';
import { toApiTallies } from '$lib/server/api/vote-review-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiTallies(id, await candidateTallies(actor, id)));
});
