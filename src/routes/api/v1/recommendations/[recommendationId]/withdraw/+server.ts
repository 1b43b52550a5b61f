import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { withdrawRecommendation } from '$lib/server/recommendation/recommendation-service';
import { recommendationPathSchema, withdrawInputSchema } from '$lib/schemas/recommend';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { recommendationId } = readParams(event.params, recommendationPathSchema);
	const { reason } = await readJsonBody(event, withdrawInputSchema);
	await withdrawRecommendation(actor, recommendationId, reason);
	return new Response(null, { status: 204 });
});
