import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getEnteredBoard, keyEnteredValue } from '$lib/server/entered/entered-service';
import { toApiEnteredBoard } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { enteredKeyingSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiEnteredBoard(await getEnteredBoard(actor, readParams(event.params, idPathSchema).id))));

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const result = await keyEnteredValue(actor, id, await readJsonBody(event, enteredKeyingSchema));
	return json({ result }, { status: result === 'stored' ? 201 : 202 });
});
