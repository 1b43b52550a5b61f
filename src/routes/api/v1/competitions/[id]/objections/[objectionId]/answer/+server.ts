import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { answerObjection } from '$lib/server/notice';
import { competitionObjectionPathSchema } from '$lib/schemas/api/notice';
import { objectionAnswerBodySchema } from '$lib/schemas/notice';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id, objectionId } = readParams(event.params, competitionObjectionPathSchema);
	const { answer } = await readJsonBody(event, objectionAnswerBodySchema);
	await answerObjection(actor, id, objectionId, answer);
	return new Response(null, { status: 204 });
});
