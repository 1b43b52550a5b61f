import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { flagClusters } from '$lib/server/vote-review/review-service';
import { toApiFlags } from '$lib/server/api/vote-review-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiFlags(id, await flagClusters(actor, id)));
});
