import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getEnteredBoard, keyEnteredValue } from '$lib/server/entered/entered-service';
import { toApiEnteredBoard } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { enteredKeyingSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiEnteredBoard(await getEnteredBoard(await deskActorForApi(caller, id), id)));
});

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	const result = await keyEnteredValue(actor, id, await readJsonBody(event, enteredKeyingSchema));
	return json({ result }, { status: result === 'stored' ? 201 : 202 });
});
