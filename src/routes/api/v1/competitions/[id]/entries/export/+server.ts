import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { exportQuerySchema } from '$lib/schemas/api/entries-import';
import { buildExport, workbookResponse } from '$lib/server/registration/entry-workbooks';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { masked } = readParams(Object.fromEntries(event.url.searchParams), exportQuerySchema);
	return workbookResponse(await buildExport(actor, id, { masked: masked === 'true' }));
});
