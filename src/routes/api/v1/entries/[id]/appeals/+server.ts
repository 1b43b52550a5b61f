import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { fileAppeal, loadOwnAppeals } from '$lib/server/notice';
import { toApiAppeal } from '$lib/server/api/notice-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { appealSchema } from '$lib/schemas/notice';

// The token's own person only: the entry must be one they registered (a contestant, or a team's leader).
export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json((await loadOwnAppeals(actor, id, new Date())).appeals.map(toApiAppeal));
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const body = await readJsonBody(event, appealSchema);
	return json(await fileAppeal(actor, id, body, new Date()), { status: 201 });
});
