import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { EnteredImportError, importEnteredValues, tableOfJsonRows } from '$lib/server/entered/import-service';
import { idPathSchema } from '$lib/schemas/competition';
import { enteredImportSchema } from '$lib/schemas/entered';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { rows } = await readJsonBody(event, enteredImportSchema);
	try {
		return json(await importEnteredValues(actor, id, tableOfJsonRows(rows), 'api'));
	} catch (error) {
		if (!(error instanceof EnteredImportError)) throw error;
		// Beside the error shape, every problem with its row and column, so a client can show them all.
		return json({ error: { code: error.code, message: error.summary, fields: error.fields }, rows: error.problems }, { status: 400 });
	}
});
