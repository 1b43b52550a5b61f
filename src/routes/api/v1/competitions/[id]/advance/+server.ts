import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { advanceCompetition } from '$lib/server/competitions/competition-service';
import { advanceCompetitionSchema, idPathSchema } from '$lib/schemas/competition';
import { toApiCompetition } from '$lib/server/api/competition-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { to } = await readJsonBody(event, advanceCompetitionSchema);
	return json(toApiCompetition(await advanceCompetition(actor, id, to)));
});
