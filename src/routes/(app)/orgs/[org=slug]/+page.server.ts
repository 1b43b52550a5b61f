import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { listMembers } from '$lib/server/organisations/service';
import { listApiTokens } from '$lib/server/auth/api-tokens';
import { readAuditLog } from '$lib/server/audit/service';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org);
	const isManager = actor.role !== 'contestant';
	const [members, tokens, audit] = await Promise.all([
		isManager ? listMembers(actor) : [],
		isManager ? listApiTokens(actor) : [],
		actor.role === 'owner' ? readAuditLog(actor, {}) : null
	]);
	return {
		memberCount: members.length,
		activeTokenCount: tokens.filter((token) => !token.revokedAt).length,
		recentActivity: (audit?.rows ?? []).slice(0, 5).map(({ id, action, actorLabel, createdAt }) => ({ id, action, actorLabel, createdAt }))
	};
}) satisfies PageServerLoad;
