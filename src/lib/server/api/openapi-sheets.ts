import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses } from '$lib/schemas/api/common';
import { sheetListSchema, sheetWrittenSchema } from '$lib/schemas/api/sheets';
import { idPathSchema } from '$lib/schemas/competition';
import { sheetFilterSchema, sheetPathSchema, sheetWriteBodySchema } from '$lib/schemas/sheets';

const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const tags = ['judging'];

export const sheetPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/sheets': {
		get: {
			operationId: 'listScoreSheets',
			tags,
			summary: 'The judges’ score sheets of a round (owner and organiser tokens)',
			description: 'Every judge’s sheet for every entry and judged component, optionally narrowed to one judge or one entry. Scores are integer hundredths.',
			requestParams: { path: idPathSchema, query: sheetFilterSchema },
			responses: { '200': ok('Sheets', sheetListSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/sheets/{judgeId}/{entryId}/{componentKey}': {
		put: {
			operationId: 'writeScoreSheet',
			tags,
			summary: 'Write one judge’s sheet for one entry (a judge scoring in another system or on paper)',
			description:
				'The same rules as a tablet’s write: the judge must score on the round’s panel and not stand aside for the entry; the competition must be judging, ' +
				'the round not signed off, the sheet neither submitted (until the head judge returns it) nor locked. Scores must fit the scheme in force (known keys, 0..max; ' +
				'`submit` needs every criterion). Idempotent by `operationId`: sending the same id again changes nothing and answers as the first time (`replayed`). Audited.',
			requestParams: { path: sheetPathSchema },
			requestBody: { required: true, content: { 'application/json': { schema: sheetWriteBodySchema } } },
			responses: { '200': ok('The sheet as stored', sheetWrittenSchema), ...errorResponses, '409': { ...errorResponses['400'], description: 'Not open for this write: not judging, signed off, submitted, locked, or the operation id belongs to another write.' } }
		}
	}
};
