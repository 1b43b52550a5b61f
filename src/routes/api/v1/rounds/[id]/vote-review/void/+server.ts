import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { voidVotes } from '$lib/server/vote-review/review-service';
import { toApiDecision } from '$lib/server/api/vote-review-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { voidVotesSchema } from '$lib/schemas/vote-review';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiDecision(await voidVotes(actor, id, await readJsonBody(event, voidVotesSchema))));
});
