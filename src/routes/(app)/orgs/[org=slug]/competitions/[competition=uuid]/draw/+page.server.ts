import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { getDrawOverview } from '$lib/server/draw/overview-service';
import { pageLoad } from '$lib/server/http/pages';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await requireMembership(event, event.params.org);
	const { competition, rounds } = await getDrawOverview(actor, event.params.competition);
	return {
		competition,
		rounds: rounds.map(({ round, stages }) => ({
			id: round.id,
			eventName: round.eventName,
			name: round.name,
			stages: stages.map(({ stage, ranAt, revealedAt }) => ({ stage, ranAt, revealedAt }))
		}))
	};
}) satisfies PageServerLoad;
