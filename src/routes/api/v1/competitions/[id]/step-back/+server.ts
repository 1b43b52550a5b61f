import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { stepBackCompetition } from '$lib/server/competitions/competition-service';
import { idPathSchema, stepBackCompetitionSchema } from '$lib/schemas/competition';
import { toApiCompetition } from '$lib/server/api/competition-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { to, reason } = await readJsonBody(event, stepBackCompetitionSchema);
	return json(toApiCompetition(await stepBackCompetition(actor, id, to, reason)));
});
