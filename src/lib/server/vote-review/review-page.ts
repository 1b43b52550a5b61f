import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireMembershipOnRound } from '../auth/guards';
import { MANAGER_ROLES } from '../auth/roles';
import type { OrgActor } from '../auth/actor';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { getReviewBoard } from './review-board';

// What the organiser's review page loads: the board in plain, serialisable shapes, times in Shanghai.

/** A manager of the organisation, on a round that is the path's competition's (404 otherwise). */
export function reviewActor(event: RequestEvent & { params: { org: string; competition: string; round: string } }): Promise<OrgActor> {
	return requireMembershipOnRound(event, MANAGER_ROLES);
}

export async function loadReviewPage(actor: OrgActor, competitionId: string, roundId: string) {
	const board = await getReviewBoard(actor, roundId);
	if (board.round.competitionId !== competitionId) error(404, { message: m.errors_not_found(), code: 'not_found' });
	const labels = new Map(board.tallies.map((tally) => [tally.entryId, tally.number ? m.votereview_entry_number({ number: tally.number }) : tally.name]));
	return {
		round: {
			id: board.round.id,
			name: board.round.name,
			eventName: board.round.eventName,
			competitionId: board.round.competitionId,
			competitionTitle: board.round.competitionTitle,
			window: board.round.opensAt && board.round.closesAt ? { opens: formatShanghaiTime(board.round.opensAt).slice(0, 16), closes: formatShanghaiTime(board.round.closesAt).slice(0, 16) } : null
		},
		tallies: board.tallies,
		clusters: board.clusters.map((cluster) => ({
			...cluster,
			candidate: cluster.number ? `${m.votereview_entry_number({ number: cluster.number })} ${cluster.name}` : cluster.candidate,
			firstAt: formatShanghaiTime(cluster.firstAt).slice(0, 16),
			lastAt: formatShanghaiTime(cluster.lastAt).slice(0, 16)
		})),
		timeline: { ...board.timeline, series: board.timeline.series.map((line) => ({ ...line, label: labels.get(line.entryId) ?? line.entryId.slice(0, 8) })) }
	};
}
