import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { buildTemplate, workbookResponse } from '$lib/server/registration/entry-workbooks';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return workbookResponse(await buildTemplate(actor, id));
});
