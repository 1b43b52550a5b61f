import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { getInvitation, recommend, withdrawRecommendation } from '$lib/server/recommendation/recommendation-service';
import { recommendInputSchema, withdrawFormSchema } from '$lib/schemas/recommend';
import { mayWithdraw, nominationsOpen } from '$lib/domain/recommendation/rules';
import { DomainError } from '$lib/server/domain-error';
import type { EntryStatus } from '$lib/domain/registration/places';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { invitation, recommendations, candidates } = await getInvitation(await manager(event), event.params.quota);
	return {
		invitation: {
			id: invitation.id,
			parentOrganisationName: invitation.parentOrganisationName,
			competitionTitle: invitation.competitionTitle,
			eventName: invitation.eventName,
			quota: invitation.quota,
			used: invitation.used,
			left: invitation.left,
			open: nominationsOpen(invitation.competitionStatus)
		},
		recommendations: recommendations.map(({ id, holderName, sourceCompetitionTitle, sourceEventName, rank, rankedCount, tierLabel, specialAward, note, status, targetStatus, targetDecisions }) => ({
			id,
			holderName,
			sourceCompetitionTitle,
			sourceEventName,
			rank,
			rankedCount,
			tierLabel,
			specialAward,
			note,
			status,
			targetStatus: targetStatus as EntryStatus,
			mayWithdraw: mayWithdraw({ status }, { status: targetStatus, decisions: targetDecisions })
		})),
		candidates
	};
}) satisfies PageServerLoad;

export const actions = {
	recommend: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, recommendInputSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ recommended: (await recommend(actor, event.params.quota, parsed.data)).holderName }));
	},
	withdraw: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, withdrawFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const { recommendations } = await getInvitation(actor, event.params.quota);
			// Only a recommendation of the invitation in the address.
			if (!recommendations.some((row) => row.id === parsed.data.recommendationId)) throw new DomainError('not_found');
			await withdrawRecommendation(actor, parsed.data.recommendationId, parsed.data.reason);
			return { withdrawn: true };
		});
	}
} satisfies Actions;
