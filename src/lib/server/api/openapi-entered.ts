import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { deskSecurity } from './openapi-round-control';
import { errorResponses } from '$lib/schemas/api/common';
import { deductionGridSchema, enteredBoardSchema, enteredImportResultSchema, finishTimesViewSchema, keyingResultSchema } from '$lib/schemas/api/entered';
import { idPathSchema } from '$lib/schemas/competition';
import { deductionCountsSchema, enteredImportSchema, enteredKeyingSchema, finishTimesSchema, paperKeyingSchema, paperSheetQuerySchema } from '$lib/schemas/entered';

// Entered components and the paper fallback (issue 15, panel part). Owners, organisers and the round's
// head judge; everything that writes is refused once the round is signed off (409).

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const signedOff = { '409': { ...errorResponses['400'], description: 'The round is signed off (裁判长签字), or a second person must type it.' } };
const tags = ['entered values'];
const byId = { path: idPathSchema };

export const enteredPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/entered-values': {
		get: {
			operationId: 'listEnteredValues',
			security: deskSecurity,
			tags,
			summary: 'The round’s entered values (theory marks, measured results) per entry, and which wait for agreement',
			requestParams: byId,
			responses: { '200': ok('Entered values', enteredBoardSchema), ...errorResponses }
		},
		post: {
			operationId: 'keyEnteredValue',
			security: deskSecurity,
			tags,
			summary: 'Type one entry’s value (two-person entry)',
			description:
				'The first keying waits; a second person (another user) types it blind. When the two agree the value is stored (source `double_entry`) and the keyings cleared; ' +
				'when they differ both wait and the entry is listed under `disagreements` until someone types it again. The same person typing twice is refused (409).',
			requestParams: byId,
			requestBody: body(enteredKeyingSchema),
			responses: { '201': ok('Stored', keyingResultSchema), '202': ok('Waiting', keyingResultSchema), ...errorResponses, ...signedOff }
		}
	},
	'/rounds/{id}/entered-values/import': {
		post: {
			operationId: 'importEnteredValues',
			security: deskSecurity,
			tags,
			summary: 'Import entered values by entry number, all or nothing (source `api`)',
			description: 'Every row is checked first; any problem refuses the whole import with `fields` (`row<n>.<column>` → reason) and `rows` (row, column, message).',
			requestParams: byId,
			requestBody: body(enteredImportSchema),
			responses: { '200': ok('How many values were stored', enteredImportResultSchema), ...errorResponses, ...signedOff }
		}
	},
	'/rounds/{id}/deduction-counts': {
		get: { operationId: 'getDeductionCounts', security: deskSecurity, tags, summary: 'The panel’s deduction counts per entry and item, with the judges’ own tallies', requestParams: byId, responses: { '200': ok('The grid', deductionGridSchema), ...errorResponses } },
		put: {
			operationId: 'saveDeductionCounts',
			security: deskSecurity,
			tags,
			summary: 'Set deduction counts (only the cells sent change)',
			requestParams: byId,
			requestBody: body(deductionCountsSchema),
			responses: { '200': ok('The grid', deductionGridSchema), ...errorResponses, ...signedOff }
		}
	},
	'/rounds/{id}/finish-times': {
		get: { operationId: 'getFinishTimes', security: deskSecurity, tags, summary: 'Finish times per entry (the `earlier_finish` tie-break)', requestParams: byId, responses: { '200': ok('Finish times', finishTimesViewSchema), ...errorResponses } },
		put: {
			operationId: 'saveFinishTimes',
			security: deskSecurity,
			tags,
			summary: 'Set finish times (Asia/Shanghai wall-clock time, or ISO 8601 with an offset); null removes one',
			requestParams: byId,
			requestBody: body(finishTimesSchema),
			responses: { '200': ok('Finish times', finishTimesViewSchema), ...errorResponses, ...signedOff }
		}
	},
	'/rounds/{id}/paper-sheets': {
		get: {
			operationId: 'getPaperSheets',
			security: deskSecurity,
			tags,
			summary: 'Printable blind score sheets for one judge of the round (PDF)',
			description: 'A page per scored component: criteria with maxima, deduction items, the entries the judge may score by number only, signature lines for the judge and the head judge.',
			requestParams: { path: idPathSchema, query: paperSheetQuerySchema },
			responses: { '200': { description: 'The PDF', content: { 'application/pdf': {} } }, ...errorResponses }
		}
	},
	'/rounds/{id}/paper-keyings': {
		post: {
			operationId: 'keyPaperSheet',
			security: deskSecurity,
			tags,
			summary: 'Type a judge’s paper sheet for one entry (two clerks, independently)',
			description:
				'Stored into the judge’s score sheet (submitted, source `paper`, version raised, audited) only when a second clerk’s keying agrees; otherwise both wait. ' +
				'The judge must be on the panel and not conflicted with the entry; a locked sheet or a signed-off round is refused.',
			requestParams: byId,
			requestBody: body(paperKeyingSchema),
			responses: { '201': ok('Stored', keyingResultSchema), '202': ok('Waiting', keyingResultSchema), ...errorResponses, ...signedOff }
		}
	}
};
