import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { addRound } from '$lib/server/competitions/structure-service';
import { idPathSchema, roundFieldsSchema } from '$lib/schemas/competition';
import { toApiRound } from '$lib/server/api/competition-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiRound(await addRound(actor, id, await readJsonBody(event, roundFieldsSchema))), { status: 201 });
});
