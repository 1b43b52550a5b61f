import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { addArbitrator, removeArbitrator } from '$lib/server/notice';
import { competitionUserPathSchema } from '$lib/schemas/api/notice';

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id, userId } = readParams(event.params, competitionUserPathSchema);
	await addArbitrator(actor, id, userId);
	return new Response(null, { status: 204 });
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const { id, userId } = readParams(event.params, competitionUserPathSchema);
	await removeArbitrator(actor, id, userId);
	return new Response(null, { status: 204 });
});
