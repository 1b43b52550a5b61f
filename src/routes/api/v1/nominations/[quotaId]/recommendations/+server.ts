import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { recommend } from '$lib/server/recommendation/recommendation-service';
import { toApiRecommendation } from '$lib/server/api/recommend-representations';
import { invitationPathSchema, recommendInputSchema } from '$lib/schemas/recommend';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { quotaId } = readParams(event.params, invitationPathSchema);
	const input = await readJsonBody(event, recommendInputSchema);
	return json(toApiRecommendation(await recommend(actor, quotaId, input)), { status: 201 });
});
