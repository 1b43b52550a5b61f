import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getCompetition, updateCompetition } from '$lib/server/competitions/competition-service';
import { listEventsOfCompetition, listRoundsOfCompetition } from '$lib/server/competitions/structure-service';
import { competitionFieldsSchema, idPathSchema } from '$lib/schemas/competition';
import { toApiCompetition, toApiEvent, toApiRound } from '$lib/server/api/competition-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const [competition, events, rounds] = await Promise.all([getCompetition(actor, id), listEventsOfCompetition(actor, id), listRoundsOfCompetition(actor, id)]);
	return json({
		...toApiCompetition(competition),
		events: events.map((row) => ({ ...toApiEvent(row), rounds: rounds.filter((round) => round.eventId === row.id).map(toApiRound) }))
	});
});

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const fields = await readJsonBody(event, competitionFieldsSchema);
	return json(toApiCompetition(await updateCompetition(actor, id, fields)));
});
