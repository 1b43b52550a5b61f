import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { setAppealWindow } from '$lib/server/notice';
import { idPathSchema } from '$lib/schemas/competition';
import { appealWindowBodySchema } from '$lib/schemas/notice';

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { minutes } = await readJsonBody(event, appealWindowBodySchema);
	await setAppealWindow(actor, id, minutes);
	return json({ roundId: id, minutes });
});
