import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { getArbitrators } from '$lib/server/notice';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json((await getArbitrators(actor, id)).map(({ userId, displayName, email }) => ({ userId, displayName, email })));
});
