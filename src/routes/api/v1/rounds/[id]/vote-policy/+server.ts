import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { DomainError } from '$lib/server/domain-error';
import { getRoundVotePolicy, saveRoundVotePolicy } from '$lib/server/voting';
import { toApiVotePolicy } from '$lib/server/api/voting-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { votePolicySchema } from '$lib/schemas/voting';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const settings = await getRoundVotePolicy(actor, readParams(event.params, idPathSchema).id);
	if (!settings.policy) throw new DomainError('vote_policy_missing');
	return json(toApiVotePolicy(settings.policy, settings.slug, settings.smsConfigured));
});

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const policy = await saveRoundVotePolicy(actor, id, await readJsonBody(event, votePolicySchema));
	const settings = await getRoundVotePolicy(actor, id);
	return json(toApiVotePolicy(policy, settings.slug, settings.smsConfigured));
});
