import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { DomainError } from '$lib/server/domain-error';
import { getPublicTally } from '$lib/server/voting';
import { toApiPublicTally } from '$lib/server/api/voting-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const tally = await getPublicTally(actor, id, new Date());
	if (!tally) throw new DomainError('vote_policy_missing');
	return json(toApiPublicTally(id, tally));
});
