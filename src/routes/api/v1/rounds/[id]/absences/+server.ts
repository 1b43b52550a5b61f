import type { RequestHandler } from './$types';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { absenceBodySchema, absenceTargetSchema } from '$lib/schemas/round-control';
import { controlForApi } from '$lib/server/round-control/access';
import { clearJudgeAbsence, markJudgeAbsent } from '$lib/server/round-control/sheet-actions';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	await markJudgeAbsent(control, await readJsonBody(event, absenceBodySchema));
	return new Response(null, { status: 201 });
});

export const DELETE: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	await clearJudgeAbsence(control, readParams(Object.fromEntries(event.url.searchParams), absenceTargetSchema));
	return new Response(null, { status: 204 });
});
