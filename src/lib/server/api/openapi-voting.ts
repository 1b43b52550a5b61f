import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { publicTallySchema, votePolicyViewSchema } from '$lib/schemas/api/voting';
import { idPathSchema } from '$lib/schemas/competition';
import { votePolicySchema } from '$lib/schemas/voting';

// Public voting, the organisers' policy and the public tally (issue 16, vote part). Casting a vote is the
// public page's job only: proof of work and limits apply to every vote, so there is no vote import.

const tags = ['public vote'];
const byId = { path: idPathSchema };
const policyResponse = { description: 'The policy', content: { 'application/json': { schema: votePolicyViewSchema } } };

export const votingPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/vote-policy': {
		get: {
			operationId: 'getVotePolicy',
			tags,
			summary: 'The round’s public-vote policy (404 when none is set)',
			requestParams: byId,
			responses: { '200': policyResponse, ...errorResponses }
		},
		put: {
			operationId: 'saveVotePolicy',
			tags,
			summary: 'Set the round’s public-vote policy (audited)',
			description:
				'Only for a round whose scheme has a `public_vote` component (409 otherwise). The window includes `opensAt` and excludes `closesAt`; ' +
				'voting days are Asia/Shanghai calendar days. `verified` needs an SMS provider on the installation (400 otherwise).',
			requestParams: byId,
			requestBody: { required: true, content: { 'application/json': { schema: votePolicySchema } } },
			responses: { '200': policyResponse, ...errorResponses }
		}
	},
	'/rounds/{id}/vote-tally': {
		get: {
			operationId: 'getPublicVoteTally',
			tags,
			summary: 'The counts the public sees now: accepted votes per candidate, as the policy’s countsShown allows',
			requestParams: byId,
			responses: { '200': { description: 'The public tally', content: { 'application/json': { schema: publicTallySchema } } }, ...errorResponses }
		}
	}
};
