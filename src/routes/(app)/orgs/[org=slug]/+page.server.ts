import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { listMembers } from '$lib/server/organisations/service';
import { listApiTokens } from '$lib/server/auth/api-tokens';
import { listRecentActivity } from '$lib/server/audit/service';
import { foldRepeats } from '$lib/components/audit-format';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org);
	const isManager = actor.role !== 'contestant';
	const [members, tokens, recent] = await Promise.all([
		isManager ? listMembers(actor) : [],
		isManager ? listApiTokens(actor) : [],
		actor.role === 'owner' ? listRecentActivity(actor, 30) : []
	]);
	return {
		// The set-up page sends its owner here when the example organisation they asked for could not be built.
		demoFailed: actor.role === 'owner' && event.url.searchParams.get('demo') === 'failed',
		memberCount: members.length,
		activeTokenCount: tokens.filter((token) => !token.revokedAt).length,
		// Saving the same scheme five times is one line, "×5", not five.
		recentActivity: foldRepeats(recent.map(({ id, action, actorLabel, subjectId, subjectLabel, createdAt }) => ({ id, action, actorLabel, subjectId, subjectLabel, createdAt }))).slice(0, 5)
	};
}) satisfies PageServerLoad;
