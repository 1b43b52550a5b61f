import type { RequestHandler } from './$types';
import { throwAsPageError } from '$lib/server/http/pages';
import { deskActor } from '$lib/server/entered/desk-page';
import { paperSheetPdf } from '$lib/server/paper/paper-service';
import { downloadResponse } from '$lib/server/paper/download-response';

export const GET: RequestHandler = async (event) => {
	const actor = await deskActor(event);
	try {
		return downloadResponse(await paperSheetPdf(actor, event.params.round, event.params.judge));
	} catch (caught) {
		return throwAsPageError(caught);
	}
};
