import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembership } from '$lib/server/auth/guards';
import { openDecodingTable } from '$lib/server/draw/draw-service';
import { pageLoad } from '$lib/server/http/pages';

// Names beside numbers: this is the decoding table on paper, sealed and audited like it.
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { round, rows } = await openDecodingTable(await requireMembership(event, event.params.org), event.params.round, 'sign_in_sheet');
	if (round.competitionId !== event.params.competition) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return {
		round: { id: round.id, name: round.name, eventName: round.eventName, competitionTitle: round.competitionTitle, competitionId: round.competitionId },
		rows: rows
			.filter((row) => row.number !== null)
			.map(({ entryId, number, unit, teamName, names }) => ({ entryId, number, unit, who: [teamName, ...names].filter(Boolean).join('、') }))
	};
}) satisfies PageServerLoad;
