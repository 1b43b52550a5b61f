import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { listRoundSheets } from '$lib/server/sheets/sheets-service';
import { idPathSchema } from '$lib/schemas/competition';
import { sheetFilterSchema } from '$lib/schemas/sheets';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const filter = readParams(Object.fromEntries(event.url.searchParams), sheetFilterSchema);
	return json({ sheets: await listRoundSheets(actor, id, filter) });
});
