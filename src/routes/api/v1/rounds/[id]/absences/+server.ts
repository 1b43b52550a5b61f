import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { absenceBodySchema, absenceTargetSchema } from '$lib/schemas/round-control';
import { controlAsManager } from '$lib/server/round-control/access';
import { clearJudgeAbsence, markJudgeAbsent } from '$lib/server/round-control/sheet-actions';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const control = await controlAsManager(actor, readParams(event.params, idPathSchema).id);
	await markJudgeAbsent(control, await readJsonBody(event, absenceBodySchema));
	return new Response(null, { status: 201 });
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const control = await controlAsManager(actor, readParams(event.params, idPathSchema).id);
	await clearJudgeAbsence(control, readParams(Object.fromEntries(event.url.searchParams), absenceTargetSchema));
	return new Response(null, { status: 204 });
});
