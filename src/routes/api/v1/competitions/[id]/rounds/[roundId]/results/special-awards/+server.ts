import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { removeSpecialAwardBodySchema, resultsPathSchema, specialAwardBodySchema } from '$lib/schemas/results';
import { addSpecialAward, listAwards, removeSpecialAward } from '$lib/server/results/lifecycle-service';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	return json(await listAwards(await resultsControlForApi(actor, path.id, path.roundId)));
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const control = await resultsControlForApi(actor, path.id, path.roundId);
	return json(await addSpecialAward(control, await readJsonBody(event, specialAwardBodySchema)), { status: 201 });
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const control = await resultsControlForApi(actor, path.id, path.roundId);
	await removeSpecialAward(control, await readJsonBody(event, removeSpecialAwardBodySchema));
	return new Response(null, { status: 204 });
});
