import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getFinishTimes, saveFinishTimes } from '$lib/server/entered/counts-service';
import { toApiFinishTimes } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { finishTimesSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiFinishTimes(await getFinishTimes(actor, readParams(event.params, idPathSchema).id))));

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	await saveFinishTimes(actor, id, (await readJsonBody(event, finishTimesSchema)).times);
	return json(toApiFinishTimes(await getFinishTimes(actor, id)));
});
