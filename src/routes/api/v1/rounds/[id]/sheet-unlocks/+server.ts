import type { RequestHandler } from './$types';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { sheetReasonBodySchema } from '$lib/schemas/round-control';
import { controlForApi } from '$lib/server/round-control/access';
import { unlockSheet } from '$lib/server/round-control/sheet-actions';
import { toApiSheet } from '$lib/server/api/round-control-representations';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	return Response.json(toApiSheet(await unlockSheet(control, await readJsonBody(event, sheetReasonBodySchema))));
});
