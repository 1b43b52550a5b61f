import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { listMembers } from '$lib/server/organisations/service';
import { listApiTokens } from '$lib/server/auth/api-tokens';
import { listRecentActivity } from '$lib/server/audit/service';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org);
	const isManager = actor.role !== 'contestant';
	const [members, tokens, recent] = await Promise.all([
		isManager ? listMembers(actor) : [],
		isManager ? listApiTokens(actor) : [],
		actor.role === 'owner' ? listRecentActivity(actor, 5) : []
	]);
	return {
		memberCount: members.length,
		activeTokenCount: tokens.filter((token) => !token.revokedAt).length,
		recentActivity: recent.map(({ id, action, actorLabel, createdAt }) => ({ id, action, actorLabel, createdAt }))
	};
}) satisfies PageServerLoad;
