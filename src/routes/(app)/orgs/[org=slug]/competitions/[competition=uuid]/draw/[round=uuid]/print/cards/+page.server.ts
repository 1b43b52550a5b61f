import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembership } from '$lib/server/auth/guards';
import { getRoundDraw } from '$lib/server/draw/draw-service';
import { pageLoad } from '$lib/server/http/pages';

// Numbers only: this sheet never names anyone.
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const draw = await getRoundDraw(await requireMembership(event, event.params.org), event.params.round);
	if (draw.round.competitionId !== event.params.competition) error(404, { message: m.errors_not_found(), code: 'not_found' });
	const { round } = draw;
	return {
		round: { id: round.id, name: round.name, eventName: round.eventName, competitionTitle: round.competitionTitle, competitionId: round.competitionId },
		numbers: draw.numbers.filter((row) => row.number !== null)
	};
}) satisfies PageServerLoad;
