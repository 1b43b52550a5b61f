import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { diffQuerySchema, resultsPathSchema } from '$lib/schemas/results';
import { diffVersions } from '$lib/server/results/versions-service';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, resultsPathSchema);
	const query = readParams(Object.fromEntries(event.url.searchParams), diffQuerySchema);
	return json(await diffVersions(await resultsControlForApi(actor, path.id, path.roundId), query.from, query.to));
});
