import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { describeRound, loadCompetition, loadRound, requireNotClosed } from '../competitions/guards';
import type { RoundRow } from '../competitions/structure-queries';
import { listJudges, type JudgeRow } from './judge-queries';
import { listPanel, replacePanel, type PanelMemberRow, type PanelSeat } from './panel-queries';
import { listRoundEntries, type RoundEntryRow } from './conflict-queries';
import { conflictsOfRound, type ConflictView } from './conflicts';

export interface PanelView {
	round: RoundRow;
	roster: JudgeRow[];
	seats: PanelMemberRow[];
	entries: RoundEntryRow[];
	conflicts: ConflictView[];
}

async function panelView(conn: Db, actor: OrgActor, round: RoundRow): Promise<PanelView> {
	const organisationId = actor.organisation.id;
	const [roster, seats, entries, conflicts] = await Promise.all([
		listJudges(conn, organisationId, round.competitionId),
		listPanel(conn, organisationId, round.id),
		listRoundEntries(conn, organisationId, round.id),
		conflictsOfRound(conn, organisationId, round.id)
	]);
	return { round, roster, seats, entries, conflicts };
}

/** The round's panel with the roster to choose from, its entries and every conflict. */
export async function getPanel(actor: OrgActor, roundId: string): Promise<PanelView> {
	requireRole(actor, MANAGER_ROLES);
	return panelView(db(), actor, await loadRound(db(), actor, roundId));
}

/** Seats without repeats, in a stable order, so the audit shows a real change and not a reshuffle. */
function distinctSeats(seats: PanelSeat[]): PanelSeat[] {
	const seen = new Map(seats.map((seat) => [`${seat.judgeId}/${seat.role}`, seat]));
	return [...seen.values()].sort((a, b) => `${a.judgeId}/${a.role}`.localeCompare(`${b.judgeId}/${b.role}`));
}

const describeSeats = (seats: PanelSeat[], roster: JudgeRow[]) =>
	seats.map((seat) => ({ judge: roster.find((judge) => judge.id === seat.judgeId)?.name ?? seat.judgeId, role: seat.role }));

/**
 * Replaces the round's panel: judges of this competition's roster only, and exactly one head judge
 * (裁判长) whenever the panel is not empty.
 */
export async function savePanel(actor: OrgActor, roundId: string, input: PanelSeat[]): Promise<PanelView> {
	requireRole(actor, MANAGER_ROLES);
	const seats = distinctSeats(input);
	await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		requireNotClosed(await loadCompetition(tx, actor, round.competitionId, true));
		const roster = await listJudges(tx, actor.organisation.id, round.competitionId);
		if (seats.some((seat) => !roster.some((judge) => judge.id === seat.judgeId))) throw new DomainError('judge_not_in_competition', {}, 'members');
		if (seats.length > 0 && seats.filter((seat) => seat.role === 'head').length !== 1) throw new DomainError('panel_head_required', {}, 'head');
		const before = await listPanel(tx, actor.organisation.id, roundId);
		await replacePanel(tx, actor.organisation.id, roundId, seats);
		await recordAudit(tx, actor, {
			action: 'panel.updated',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: await describeRound(tx, actor, round),
			before: describeSeats(distinctSeats(before), roster),
			after: describeSeats(seats, roster)
		});
	});
	return getPanel(actor, roundId);
}
