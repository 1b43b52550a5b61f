import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getJudge, removeJudge, updateJudge } from '$lib/server/judging/judges-service';
import { idPathSchema } from '$lib/schemas/competition';
import { judgeFieldsSchema } from '$lib/schemas/judges';
import { toApiJudge } from '$lib/server/api/judge-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiJudge(await getJudge(actor, readParams(event.params, idPathSchema).id))));

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiJudge(await updateJudge(actor, id, await readJsonBody(event, judgeFieldsSchema))));
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	await removeJudge(actor, readParams(event.params, idPathSchema).id);
	return new Response(null, { status: 204 });
});
