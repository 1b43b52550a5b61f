import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { addJudge, listJudges } from '$lib/server/judging/judges-service';
import { idPathSchema } from '$lib/schemas/competition';
import { judgeFieldsSchema } from '$lib/schemas/judges';
import { toApiJudge } from '$lib/server/api/judge-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json({ judges: (await listJudges(actor, id)).map(toApiJudge) });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiJudge(await addJudge(actor, id, await readJsonBody(event, judgeFieldsSchema))), { status: 201 });
});
