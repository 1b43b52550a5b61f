import type { PageServerLoad } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { getRoundDraw } from '$lib/server/draw/draw-service';
import { pageLoad } from '$lib/server/http/pages';

// Numbers only: this sheet never names anyone.
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const draw = await getRoundDraw(await requireMembershipOnRound(event), event.params.round);
	const { round } = draw;
	return {
		round: { id: round.id, name: round.name, eventName: round.eventName, competitionTitle: round.competitionTitle, competitionId: round.competitionId },
		numbers: draw.numbers.filter((row) => row.number !== null)
	};
}) satisfies PageServerLoad;
