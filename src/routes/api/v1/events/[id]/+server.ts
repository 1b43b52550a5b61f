import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { removeEvent, updateEvent } from '$lib/server/competitions/structure-service';
import { eventFieldsSchema, idPathSchema } from '$lib/schemas/competition';
import { toApiEvent } from '$lib/server/api/competition-representations';

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiEvent(await updateEvent(actor, id, await readJsonBody(event, eventFieldsSchema))));
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	await removeEvent(actor, readParams(event.params, idPathSchema).id);
	return new Response(null, { status: 204 });
});
