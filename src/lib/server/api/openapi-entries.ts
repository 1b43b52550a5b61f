import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { decisionSummarySchema, entryDetailSchema, entryPageSchema, personalNumbersSchema, registeredEntrySchema } from '$lib/schemas/api/entry';
import { idPathSchema } from '$lib/schemas/competition';
import { entrySubmissionSchema } from '$lib/schemas/entry';
import { bulkDecisionBodySchema, decisionBodySchema, entryFilterSchema, screeningReasonsBodySchema, withdrawBodySchema } from '$lib/schemas/screening';

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const conflict = { '409': { ...errorResponses['400'], description: 'Not at this stage: screening is open while the competition is in registration or screening.' } };
const tags = ['entries'];
const byId = { path: idPathSchema };

export const entryPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/entries': {
		get: {
			operationId: 'listEntries',
			tags,
			summary: 'The competition’s entries, 50 a page in order of arrival, with counts per status; ID numbers and phones masked',
			description: '`q` searches names, units, phones, team names and the visible digits of masked ID numbers; `field` and `value` search one of the competition’s own registration fields.',
			requestParams: { path: idPathSchema, query: entryFilterSchema },
			responses: { '200': ok('A page of entries', entryPageSchema), ...errorResponses }
		},
		post: {
			operationId: 'registerEntry',
			tags,
			summary: 'Register one entry from an organiser’s system (no contestant account), while registration or screening is open',
			description: 'The same rules as every registration: ID numbers checked, one person once per event, capacity and waiting list. Problems come back per field.',
			requestParams: byId,
			requestBody: body(entrySubmissionSchema),
			responses: { '201': ok('The entry and its status (submitted, or waitlisted when the event is full)', registeredEntrySchema), ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/entries/decisions': {
		post: {
			operationId: 'decideEntries',
			tags,
			summary: 'Approve or reject several entries at once: the given `entryIds`, or `all` entries matching `filter`',
			description: 'Entries the decision cannot apply to (already decided, withdrawn, already approved by this reviewer under the two-person rule, a rejected entry approved again while its event is full: `event_full`) are skipped and listed. Rejecting needs a `reason`.',
			requestParams: byId,
			requestBody: body(bulkDecisionBodySchema),
			responses: { '200': ok('What changed and what was skipped', decisionSummarySchema), ...errorResponses, ...conflict }
		}
	},
	'/entries/{id}': {
		get: { operationId: 'getEntry', tags, summary: 'One entry with its people (masked), answers, attachments and screening decisions', requestParams: byId, responses: { '200': ok('The entry', entryDetailSchema), ...errorResponses } },
		patch: {
			operationId: 'updateEntry',
			tags,
			summary: 'Replace an entry’s people and answers (the event stays)',
			requestParams: byId,
			requestBody: body(entrySubmissionSchema),
			responses: { '200': ok('The entry', entryDetailSchema), ...errorResponses, ...conflict }
		}
	},
	'/entries/{id}/withdraw': {
		post: { operationId: 'withdrawEntry', tags, summary: 'Withdraw an entry with the reason; its place goes to the waiting list', requestParams: byId, requestBody: body(withdrawBodySchema), responses: { '200': ok('The entry', entryDetailSchema), ...errorResponses, ...conflict } }
	},
	'/entries/{id}/decision': {
		post: {
			operationId: 'decideEntry',
			tags,
			summary: 'Approve or reject an entry; rejecting, or changing a decided entry’s outcome, needs a reason',
			description: 'Under the two-person rule an approval needs two different reviewers (the first leaves the entry submitted with 1 of 2 approvals); one rejection rejects. A rejection frees the entry’s place for the waiting list.',
			requestParams: byId,
			requestBody: body(decisionBodySchema),
			responses: { '200': ok('The entry after the decision', entryDetailSchema), ...errorResponses, ...conflict }
		}
	},
	'/entries/{id}/id-number': {
		get: { operationId: 'revealEntryNumbers', tags, summary: 'The full ID numbers and phones of an entry’s people; every call is written to the audit log', requestParams: byId, responses: { '200': ok('The full numbers', personalNumbersSchema), ...errorResponses } }
	},
	'/screening-reasons': {
		get: { operationId: 'listScreeningReasons', tags, summary: 'The organisation’s preset reasons for screening decisions', responses: { '200': ok('The reasons in order', screeningReasonsBodySchema), ...errorResponses } },
		put: { operationId: 'saveScreeningReasons', tags, summary: 'Replace the preset reasons (at most 50, 200 characters each)', requestBody: body(screeningReasonsBodySchema), responses: { '200': ok('The reasons in order', screeningReasonsBodySchema), ...errorResponses } }
	}
};
