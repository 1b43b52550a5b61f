import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { decideAppeal } from '$lib/server/notice';
import { competitionAppealPathSchema } from '$lib/schemas/api/notice';
import { appealDecisionBodySchema } from '$lib/schemas/notice';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id, appealId } = readParams(event.params, competitionAppealPathSchema);
	const body = await readJsonBody(event, appealDecisionBodySchema);
	await decideAppeal(actor, id, { ...body, appealId });
	return new Response(null, { status: 204 });
});
