import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { recordAppealRescore } from '$lib/server/notice';
import { competitionAppealPathSchema } from '$lib/schemas/api/notice';
import { appealRescoreBodySchema } from '$lib/schemas/notice';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id, appealId } = readParams(event.params, competitionAppealPathSchema);
	const { versionId } = await readJsonBody(event, appealRescoreBodySchema);
	await recordAppealRescore(actor, id, appealId, versionId);
	return new Response(null, { status: 204 });
});
