import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { resultsPathSchema, verifyBodySchema } from '$lib/schemas/results';
import { verifyVersion } from '$lib/server/results/versions-service';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const control = await resultsControlForApi(actor, path.id, path.roundId);
	const body = await readJsonBody(event, verifyBodySchema);
	return json(await verifyVersion(control, body.versionId));
});
