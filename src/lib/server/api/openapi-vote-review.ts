import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { detectionReportSchema, voteDecisionSchema, voteFlagsSchema, voteTalliesSchema } from '$lib/schemas/api/vote-review';
import { idPathSchema } from '$lib/schemas/competition';
import { restoreVotesSchema, voidVotesSchema } from '$lib/schemas/vote-review';

// The organisers' side of public voting (issue 16, rigging part): tallies per status, burst detection's
// flags, voiding and restoring with a reason, and every vote as xlsx. Owners and organisers only;
// another organisation's round is 404. Casting votes is the public page's job, not the API's.

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['vote review'];
const byId = { path: idPathSchema };

export const voteReviewPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/vote-review/tallies': {
		get: { operationId: 'getVoteTallies', tags, summary: 'Votes per candidate: accepted (counted), flagged (held for review), voided', requestParams: byId, responses: { '200': ok('Tallies', voteTalliesSchema), ...errorResponses } }
	},
	'/rounds/{id}/vote-review/flags': {
		get: {
			operationId: 'listVoteFlags',
			tags,
			summary: 'Flagged votes grouped by candidate and address prefix, biggest cluster first',
			requestParams: byId,
			responses: { '200': ok('Flagged clusters', voteFlagsSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/vote-review/detection': {
		post: {
			operationId: 'runVoteDetection',
			tags,
			summary: 'Run burst detection now',
			description: 'Moves the votes the rules hold from accepted to flagged (with the reasons appended) and audits per candidate. Votes an organiser has decided on are left alone. 409 while another run holds the round.',
			requestParams: byId,
			responses: { '200': ok('What this run flagged', detectionReportSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/vote-review/void': {
		post: {
			operationId: 'voidVotes',
			tags,
			summary: 'Void votes in bulk with a reason class and words',
			description: 'By `voteIds`, or by `cluster` (a candidate’s votes from one address prefix, the flagged ones unless `status` says otherwise). Votes stay as rows; the action is audited per candidate with counts.',
			requestParams: byId,
			requestBody: body(voidVotesSchema),
			responses: { '200': ok('How many changed, per candidate', voteDecisionSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/vote-review/restore': {
		post: {
			operationId: 'restoreVotes',
			tags,
			summary: 'Restore flagged or voided votes to accepted, with a reason',
			requestParams: byId,
			requestBody: body(restoreVotesSchema),
			responses: { '200': ok('How many changed, per candidate', voteDecisionSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/vote-review/export': {
		get: {
			operationId: 'exportVotes',
			tags,
			summary: 'Every vote of the round as xlsx, for the notice period',
			description: 'One row per vote: candidate, Shanghai time as text, voter key and address-prefix/user-agent keyed hashes (never raw addresses), status, flags and the decision. Audited.',
			requestParams: byId,
			responses: { '200': { description: 'The workbook', content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } } }, ...errorResponses }
		}
	}
};
