import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { paperSheetPdf } from '$lib/server/paper/paper-service';
import { downloadResponse } from '$lib/server/paper/download-response';
import { idPathSchema } from '$lib/schemas/competition';
import { paperSheetQuerySchema } from '$lib/schemas/entered';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	const { judgeId } = readParams(Object.fromEntries(event.url.searchParams), paperSheetQuerySchema);
	return downloadResponse(await paperSheetPdf(actor, id, judgeId));
});
