import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { listCompetitionEvidence } from '$lib/server/recommendation/quota-service';
import { toApiEvidence } from '$lib/server/api/recommend-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json({ recommendations: (await listCompetitionEvidence(actor, id)).map(toApiEvidence) });
});
