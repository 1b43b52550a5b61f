import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { restoreVotes } from '$lib/server/vote-review/review-service';
import { toApiDecision } from '$lib/server/api/vote-review-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { restoreVotesSchema } from '$lib/schemas/vote-review';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiDecision(await restoreVotes(actor, id, await readJsonBody(event, restoreVotesSchema))));
});
