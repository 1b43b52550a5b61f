import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { getInvitation } from '$lib/server/recommendation/recommendation-service';
import { toApiCandidate, toApiInvitation, toApiRecommendation } from '$lib/server/api/recommend-representations';
import { invitationPathSchema } from '$lib/schemas/recommend';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { quotaId } = readParams(event.params, invitationPathSchema);
	const { invitation, recommendations, candidates } = await getInvitation(actor, quotaId);
	return json({ invitation: toApiInvitation(invitation), recommendations: recommendations.map(toApiRecommendation), candidates: candidates.map(toApiCandidate) });
});
