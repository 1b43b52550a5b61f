import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { computeBodySchema, resultsPathSchema } from '$lib/schemas/results';
import { computeVersion } from '$lib/server/results/versions-service';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const control = await resultsControlForApi(actor, path.id, path.roundId);
	return json(await computeVersion(control, await readJsonBody(event, computeBodySchema)), { status: 201 });
});
