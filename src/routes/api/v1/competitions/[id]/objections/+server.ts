import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { listObjections, lodgeObjectionForCompetition } from '$lib/server/notice';
import { toApiObjection } from '$lib/server/api/notice-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { objectionSchema } from '$lib/schemas/notice';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json((await listObjections(actor, id)).objections.map(toApiObjection));
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const body = await readJsonBody(event, objectionSchema);
	return json(await lodgeObjectionForCompetition(actor, id, body, new Date()), { status: 201 });
});
