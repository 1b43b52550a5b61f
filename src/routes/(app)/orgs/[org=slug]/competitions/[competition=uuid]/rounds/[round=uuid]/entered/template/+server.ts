import type { RequestHandler } from './$types';
import { throwAsPageError } from '$lib/server/http/pages';
import { deskActor } from '$lib/server/entered/desk-page';
import { enteredTemplate } from '$lib/server/entered/import-service';
import { downloadResponse } from '$lib/server/paper/download-response';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: RequestHandler = async (event) => {
	const actor = await deskActor(event);
	try {
		return downloadResponse(await enteredTemplate(actor, event.params.round), XLSX_TYPE);
	} catch (caught) {
		return throwAsPageError(caught);
	}
};
