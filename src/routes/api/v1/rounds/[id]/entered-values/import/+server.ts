import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { EnteredImportError, importEnteredValues, tableOfJsonRows } from '$lib/server/entered/import-service';
import { idPathSchema } from '$lib/schemas/competition';
import { enteredImportSchema } from '$lib/schemas/entered';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	const { rows } = await readJsonBody(event, enteredImportSchema);
	try {
		return json(await importEnteredValues(actor, id, tableOfJsonRows(rows), 'api'));
	} catch (error) {
		if (!(error instanceof EnteredImportError)) throw error;
		// Beside the error shape, every problem with its row and column, so a client can show them all.
		return json({ error: { code: error.code, message: error.summary, fields: error.fields }, rows: error.problems }, { status: 400 });
	}
});
