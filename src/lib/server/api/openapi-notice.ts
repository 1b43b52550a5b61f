import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import {
	appealListSchema,
	appealWindowViewSchema,
	arbitratorListSchema,
	competitionAppealPathSchema,
	competitionObjectionPathSchema,
	competitionUserPathSchema,
	createdSchema,
	explanationSchema,
	publicResultsSchema,
	roundEntryPathSchema,
	staffObjectionListSchema
} from '$lib/schemas/api/notice';
import { idPathSchema } from '$lib/schemas/competition';
import { appealDecisionBodySchema, appealRescoreBodySchema, appealSchema, appealWindowBodySchema, objectionAnswerBodySchema, objectionSchema } from '$lib/schemas/notice';

// Publication, objections and appeals (issue 17, publication part).

const tags = ['results notice'];
const byId = { path: idPathSchema };
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const done = { '204': { description: 'Done' } };
const conflict = { '409': { ...errorResponses['400'], description: 'Not now (outside the window, already decided…).' } };

export const noticePaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/public-results': {
		get: {
			operationId: 'getPublicResults',
			tags,
			summary: 'What the public results page shows: each published round’s ranked list (names only once revealed; ID numbers and phones never), team ranks, voided votes, and the objections after the window',
			requestParams: byId,
			responses: { '200': ok('The public results', publicResultsSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/explanations/{entryId}': {
		get: {
			operationId: 'getResultExplanation',
			tags,
			summary: 'How one entry’s published numbers arose, from the published version’s breakdown (404 when the round has no published version)',
			requestParams: { path: roundEntryPathSchema },
			responses: { '200': ok('The explanation', explanationSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/objections': {
		get: {
			operationId: 'listObjections',
			tags,
			summary: 'Objections (异议) to the competition’s published results, with the objector’s contact (organisers only)',
			requestParams: byId,
			responses: { '200': ok('Objections, oldest first', staffObjectionListSchema), ...errorResponses }
		},
		post: {
			operationId: 'lodgeObjection',
			tags,
			summary: 'Record an objection for someone (e.g. one received on paper); only while the round’s notice window is open, limited per address like the public form',
			requestParams: byId,
			requestBody: body(objectionSchema),
			responses: { '201': ok('The objection', createdSchema), ...errorResponses, ...conflict, '429': { ...errorResponses['400'], description: 'Too many objections from this address in the last hour.' } }
		}
	},
	'/competitions/{id}/objections/{objectionId}/answer': {
		post: {
			operationId: 'answerObjection',
			tags,
			summary: 'Answer an objection, or correct an answer (organisers; audited); public with the objection after the window',
			requestParams: { path: competitionObjectionPathSchema },
			requestBody: body(objectionAnswerBodySchema),
			responses: { ...done, ...errorResponses }
		}
	},
	'/competitions/{id}/appeals': {
		get: {
			operationId: 'listAppeals',
			tags,
			summary: 'Appeals (申诉) of the competition with their decisions and re-score diffs (organisers and the arbitration group)',
			requestParams: byId,
			responses: { '200': ok('Appeals, newest first', appealListSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/appeals/{appealId}/decision': {
		post: {
			operationId: 'decideAppeal',
			tags,
			summary: 'Dismiss or uphold an appeal with a reason (arbitration group members only; audited; the contestant is notified)',
			requestParams: { path: competitionAppealPathSchema },
			requestBody: body(appealDecisionBodySchema),
			responses: { ...done, ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/appeals/{appealId}/rescore': {
		post: {
			operationId: 'recordAppealRescore',
			tags,
			summary: 'Link the new result version of an upheld appeal that required a re-score (organisers; audited; the contestant and arbitrators are notified)',
			requestParams: { path: competitionAppealPathSchema },
			requestBody: body(appealRescoreBodySchema),
			responses: { ...done, ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/arbitrators': {
		get: {
			operationId: 'listArbitrators',
			tags,
			summary: 'The competition’s arbitration group (仲裁组)',
			requestParams: byId,
			responses: { '200': ok('Arbitrators', arbitratorListSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/arbitrators/{userId}': {
		put: {
			operationId: 'addArbitrator',
			tags,
			summary: 'Seat a member of the organisation in the arbitration group (organisers; audited)',
			requestParams: { path: competitionUserPathSchema },
			responses: { ...done, ...errorResponses }
		},
		delete: {
			operationId: 'removeArbitrator',
			tags,
			summary: 'Remove a member from the arbitration group (organisers; audited)',
			requestParams: { path: competitionUserPathSchema },
			responses: { ...done, ...errorResponses }
		}
	},
	'/rounds/{id}/appeal-window': {
		put: {
			operationId: 'setAppealWindow',
			tags,
			summary: 'How many minutes after the sign-off appeals may be filed (organisers; audited)',
			requestParams: byId,
			requestBody: body(appealWindowBodySchema),
			responses: { '200': ok('The window', appealWindowViewSchema), ...errorResponses }
		}
	},
	'/entries/{id}/appeals': {
		get: {
			operationId: 'listOwnAppeals',
			tags,
			summary: 'The token holder’s own appeals about an entry they registered (a contestant or a team’s leader); anyone else’s entry is not found',
			requestParams: byId,
			responses: { '200': ok('Appeals, newest first', appealListSchema), ...errorResponses }
		},
		post: {
			operationId: 'fileAppeal',
			tags,
			summary: 'File an appeal about the token holder’s own entry within the round’s appeal window (after the sign-off); the arbitration group is notified',
			requestParams: byId,
			requestBody: body(appealSchema),
			responses: { '201': ok('The appeal', createdSchema), ...errorResponses, ...conflict }
		}
	}
};
