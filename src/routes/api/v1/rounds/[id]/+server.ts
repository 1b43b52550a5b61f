import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { removeRound, updateRound } from '$lib/server/competitions/structure-service';
import { idPathSchema, roundFieldsSchema } from '$lib/schemas/competition';
import { toApiRound } from '$lib/server/api/competition-representations';

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiRound(await updateRound(actor, id, await readJsonBody(event, roundFieldsSchema))));
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	await removeRound(actor, readParams(event.params, idPathSchema).id);
	return new Response(null, { status: 204 });
});
