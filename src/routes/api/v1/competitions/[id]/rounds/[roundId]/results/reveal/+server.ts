import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { resultsPathSchema } from '$lib/schemas/results';
import { revealResults } from '$lib/server/results/lifecycle-service';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	return json(await revealResults(await resultsControlForApi(actor, path.id, path.roundId)));
});
