import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { describeRound, loadCompetition, loadRound } from '../competitions/guards';
import { listEvents } from '../competitions/structure-queries';
import { findCompetitionForPublic } from '../registration/public-service';
import type { BoardSnapshot } from '$lib/realtime/events';
import { listBoardRounds, setBoardShowsStandings } from './board-queries';
import { currentBoardSnapshot, requestBoardUpdate } from './live-board';

export interface PublicBoard {
	competition: { id: string; title: string; slug: string };
	events: { id: string; name: string }[];
	snapshot: BoardSnapshot;
}

/** The board behind /live/<slug>: public, so only the title, event names and the snapshot (numbers only). */
export async function loadPublicBoard(slug: string): Promise<PublicBoard> {
	const competition = await findCompetitionForPublic(slug);
	const [events, snapshot] = await Promise.all([listEvents(db(), competition.organisationId, competition.id), currentBoardSnapshot(competition.organisationId, competition.id)]);
	return {
		competition: { id: competition.id, title: competition.title, slug: competition.slug },
		events: events.map((event) => ({ id: event.id, name: event.name })),
		snapshot
	};
}

export interface BoardSettings {
	competition: { id: string; title: string; slug: string; status: string };
	rounds: { roundId: string; eventName: string; roundName: string; showsStandings: boolean }[];
}

/** The organiser's view of the board: its address and, per round with entries, whether standings are shown. */
export async function getBoardSettings(actor: OrgActor, competitionId: string): Promise<BoardSettings> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const rounds = await listBoardRounds(db(), actor.organisation.id, competition.id);
	return {
		competition: { id: competition.id, title: competition.title, slug: competition.slug, status: competition.status },
		rounds: rounds.map(({ roundId, eventName, roundName, showsStandings }) => ({ roundId, eventName, roundName, showsStandings }))
	};
}

/** Lets the public board show a round's provisional standings (by number), or hides them again. Audited. */
export async function setBoardStandings(actor: OrgActor, roundId: string, showsStandings: boolean): Promise<{ roundId: string; showsStandings: boolean }> {
	requireRole(actor, MANAGER_ROLES);
	const round = await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		await setBoardShowsStandings(tx, actor.organisation.id, roundId, showsStandings);
		await recordAudit(tx, actor, {
			action: showsStandings ? 'board.standings_shown' : 'board.standings_hidden',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: await describeRound(tx, actor, round),
			after: { showsStandings }
		});
		return round;
	});
	requestBoardUpdate(actor.organisation.id, round.competitionId);
	return { roundId, showsStandings };
}
