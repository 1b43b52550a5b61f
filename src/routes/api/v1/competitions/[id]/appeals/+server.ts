import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { listCompetitionAppeals } from '$lib/server/notice';
import { toApiAppeal } from '$lib/server/api/notice-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json((await listCompetitionAppeals(actor, id)).appeals.map(toApiAppeal));
});
