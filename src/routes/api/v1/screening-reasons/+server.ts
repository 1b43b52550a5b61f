import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody } from '$lib/server/http/api';
import { screeningReasonsBodySchema } from '$lib/schemas/screening';
import { getScreeningReasons, saveScreeningReasons } from '$lib/server/screening/screening-service';

export const GET: RequestHandler = apiHandler(async (actor) => json({ reasons: await getScreeningReasons(actor) }));

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { reasons } = await readJsonBody(event, screeningReasonsBodySchema);
	return json({ reasons: await saveScreeningReasons(actor, reasons) });
});
