import type { PageServerLoad } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { openDecodingTable } from '$lib/server/draw/draw-service';
import { pageLoad } from '$lib/server/http/pages';

// Names beside numbers: this is the decoding table on paper, sealed and audited like it.
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { round, rows } = await openDecodingTable(await requireMembershipOnRound(event), event.params.round, 'sign_in_sheet');
	return {
		round: { id: round.id, name: round.name, eventName: round.eventName, competitionTitle: round.competitionTitle, competitionId: round.competitionId },
		rows: rows
			.filter((row) => row.number !== null)
			.map(({ entryId, number, unit, teamName, names }) => ({ entryId, number, unit, who: [teamName, ...names].filter(Boolean).join('、') }))
	};
}) satisfies PageServerLoad;
