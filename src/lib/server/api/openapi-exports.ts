import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { roundExportPathSchema } from '$lib/schemas/exports';

// Excel exports of a round (issue 17): 成绩单, the judges' score sheets, the sign-off sheet and the vote
// tallies, in the request's language. Owners and organisers (tokens); a signed-in head judge may
// download the sign-off sheet. A round of another competition or organisation is 404.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/rounds/{round}/exports/{kind}.xlsx': {
		get: {
			operationId: 'exportRoundWorkbook',
			tags: ['exports'],
			summary: 'A round as an Excel workbook: results, judge-sheets, sign-off or votes',
			description:
				'`results`: 成绩单 from the final result version, else the published one, else the latest (rank, number, name and unit once the results are revealed, components, total, tier, special award). ' +
				'`judge-sheets`: one sheet per judge with their submitted and locked sheets (number, criteria, R_j; numbers only in a blind round not yet revealed). ' +
				'`sign-off`: the totals summary with signature lines for the head judge (裁判长) and supervisors and a date. ' +
				'`votes`: accepted, flagged and voided votes per candidate. Points are numbers with two decimals; the header row is frozen; pages are A4, fitted to width.',
			requestParams: { path: roundExportPathSchema },
			responses: { '200': { description: 'The workbook', content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } } }, ...errorResponses }
		}
	}
};
