import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { publishBodySchema, resultsPathSchema } from '$lib/schemas/results';
import { publishResults } from '$lib/server/results/lifecycle-service';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const control = await resultsControlForApi(actor, path.id, path.roundId);
	return json(await publishResults(control, await readJsonBody(event, publishBodySchema)));
});
