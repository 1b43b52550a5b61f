import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { exportQuerySchema, importBodySchema, importErrorSchema, importQuerySchema, importSummarySchema } from '$lib/schemas/api/entries-import';
import { idPathSchema } from '$lib/schemas/competition';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = (description: string) => ({ description, content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } } });
const tags = ['entries'];
const byId = { path: idPathSchema };

/** Entries import and export (union lists in Excel). */
export const importPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/entries/template': {
		get: {
			operationId: 'getEntriesTemplate',
			tags,
			summary: 'The competition’s entry template (xlsx): Chinese headers, drop-down lists, text-formatted ID and phone columns, instructions',
			requestParams: byId,
			responses: { '200': workbook('The template workbook'), ...errorResponses }
		}
	},
	'/competitions/{id}/entries/import': {
		post: {
			operationId: 'importEntries',
			tags,
			summary: 'Import a list of entries (JSON rows or the xlsx workbook): all rows or none',
			description:
				'Every row is checked first; if any is wrong nothing is imported and the answer is 400 `import_invalid` with every problem in `rows` ' +
				'(row, column header, message) and in `fields` keyed `row<row>.<column key>`. Otherwise the rows are imported in one transaction: ' +
				'people are matched by ID number, so entries already there are updated when the list changes them and left alone otherwise; nobody is entered twice. ' +
				'`dryRun` (in the body, or `?dryRun=true` with a workbook) answers what would happen and imports nothing. ' +
				'A workbook is sent as the body with content type ' + XLSX + '; its first sheet is read, with the template’s header row. Up to 20,000 rows, 32 MB.',
			requestParams: { ...byId, query: importQuerySchema },
			requestBody: {
				required: true,
				content: { 'application/json': { schema: importBodySchema }, [XLSX]: { schema: { type: 'string', format: 'binary' } } }
			},
			responses: {
				'200': { description: 'What was imported (or, for a dry run, what would be)', content: { 'application/json': { schema: importSummarySchema } } },
				...errorResponses,
				'400': { description: 'The list has problems (nothing was imported), or the body is unreadable', content: { 'application/json': { schema: importErrorSchema } } },
				'409': { ...errorResponses['400'], description: 'The competition is not in registration or screening.' }
			}
		}
	},
	'/competitions/{id}/entries/export': {
		get: {
			operationId: 'exportEntries',
			tags,
			summary: 'Every entry’s people as xlsx: full for organisers (audited), `?masked=true` for publication',
			requestParams: { ...byId, query: exportQuerySchema },
			responses: { '200': workbook('The entries workbook'), ...errorResponses }
		}
	}
};
