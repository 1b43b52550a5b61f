import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getFinishTimes, saveFinishTimes } from '$lib/server/entered/counts-service';
import { toApiFinishTimes } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { finishTimesSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiFinishTimes(await getFinishTimes(await deskActorForApi(caller, id), id)));
});

export const PUT: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	await saveFinishTimes(actor, id, (await readJsonBody(event, finishTimesSchema)).times);
	return json(toApiFinishTimes(await getFinishTimes(actor, id)));
});
