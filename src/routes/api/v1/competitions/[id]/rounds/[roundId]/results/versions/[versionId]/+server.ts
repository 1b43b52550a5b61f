import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { resultsControlForApi } from '$lib/server/results/access';
import { versionPathSchema } from '$lib/schemas/results';
import { getVersionView } from '$lib/server/results/versions-service';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const path = readParams(event.params, versionPathSchema);
	return json(await getVersionView(await resultsControlForApi(actor, path.id, path.roundId), path.versionId));
});
