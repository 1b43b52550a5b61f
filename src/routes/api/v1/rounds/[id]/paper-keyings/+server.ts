import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { keyPaperSheet } from '$lib/server/paper/paper-service';
import { idPathSchema } from '$lib/schemas/competition';
import { paperKeyingSchema } from '$lib/schemas/entered';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	const result = await keyPaperSheet(actor, id, await readJsonBody(event, paperKeyingSchema));
	return json({ result }, { status: result === 'stored' ? 201 : 202 });
});
