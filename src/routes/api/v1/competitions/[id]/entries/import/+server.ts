import { json, type RequestEvent } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ApiProblem, apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { isPayloadTooLarge, mediaType } from '$lib/server/http/bodies';
import { m } from '$lib/paraglide/messages.js';
import { idPathSchema } from '$lib/schemas/competition';
import { importBodySchema, importQuerySchema } from '$lib/schemas/api/entries-import';
import { importEntries, ImportRowsError, type ImportInput } from '$lib/server/registration/import-service';
import { tableFromJsonRows, tableFromWorkbook, XLSX_TYPE } from '$lib/server/registration/import-input';

/** JSON rows, or the workbook itself as the body. */
async function readImport(event: RequestEvent): Promise<Omit<ImportInput, 'source'>> {
	if (mediaType(event.request) === XLSX_TYPE) {
		const { dryRun } = readParams(Object.fromEntries(event.url.searchParams), importQuerySchema);
		const bytes = await event.request.arrayBuffer().catch((error: unknown) => {
			if (isPayloadTooLarge(error)) throw new ApiProblem(413, 'payload_too_large', m.http_body_too_large());
			throw error;
		});
		return { table: tableFromWorkbook(bytes), header: 'required', dryRun: dryRun === 'true' };
	}
	const body = await readJsonBody(event, importBodySchema);
	return { table: (columns, fields) => tableFromJsonRows(body.rows, columns, fields), header: 'none', dryRun: body.dryRun };
}

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const input = await readImport(event);
	try {
		return json(await importEntries(actor, id, { ...input, source: 'api' }));
	} catch (error) {
		if (!(error instanceof ImportRowsError)) throw error;
		// The error shape, plus every problem as a list a program can walk.
		return json({ error: { code: error.code, message: error.summary, fields: error.fields }, rows: error.problems }, { status: 400 });
	}
});
