import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { boardStandingsBodySchema } from '$lib/schemas/board';
import { setBoardStandings } from '$lib/server/live/board-service';

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const body = await readJsonBody(event, boardStandingsBodySchema);
	return json(await setBoardStandings(actor, id, body.showsStandings));
});
