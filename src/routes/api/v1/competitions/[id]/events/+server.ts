import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { addEvent } from '$lib/server/competitions/structure-service';
import { eventFieldsSchema, idPathSchema } from '$lib/schemas/competition';
import { toApiEvent } from '$lib/server/api/competition-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const fields = await readJsonBody(event, eventFieldsSchema);
	return json(toApiEvent(await addEvent(actor, id, fields)), { status: 201 });
});
