import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor } from '../auth/actor';
import { listRoundEntries, type RoundEntryRow } from './conflict-queries';
import { assertJudgeMayScore, recusalsForRound } from './conflicts';
import { SCORING_ROLES, type PanelRole } from './panel-queries';
import { listSeatsOfUser, listSeatsOfUserInRound, type SeatRow } from './seat-queries';

// Everything a judge receives is built here, and only from these shapes: for a blind round an entry is
// its number and nothing else. Names, units, phones and ID numbers never leave this module for a blind
// round; for an open round the judge sees the entry's name and unit, never phones or ID numbers.

export interface JudgeRoundSummary {
	roundId: string;
	organisationName: string;
	competitionTitle: string;
	eventName: string;
	roundName: string;
	blind: boolean;
	roles: PanelRole[];
}

export interface JudgeEntryView {
	entryId: string;
	/** The marking number (评审号) when drawn, else the contestant number (参赛号); null before the draw. */
	number: number | null;
	/** Open rounds only: the team's or person's name and the unit. */
	name?: string;
	unit?: string;
	/** The judge stands aside for this entry (a conflict of interest). */
	stoodAside: boolean;
}

function summarise(seats: SeatRow[]): JudgeRoundSummary[] {
	const byRound = new Map<string, JudgeRoundSummary>();
	for (const seat of seats) {
		const summary = byRound.get(seat.roundId) ?? {
			roundId: seat.roundId,
			organisationName: seat.organisationName,
			competitionTitle: seat.competitionTitle,
			eventName: seat.eventName,
			roundName: seat.roundName,
			blind: seat.blind,
			roles: []
		};
		summary.roles.push(seat.role);
		byRound.set(seat.roundId, summary);
	}
	return [...byRound.values()];
}

/** The rounds the signed-in person judges, with their roles on each panel. */
export async function listMyRounds(actor: Actor): Promise<JudgeRoundSummary[]> {
	return summarise(await listSeatsOfUser(db(), actor.user.id));
}

function view(entry: RoundEntryRow, blind: boolean, stoodAside: boolean): JudgeEntryView {
	const number = entry.markingNumber ?? entry.number;
	if (blind) return { entryId: entry.entryId, number, stoodAside };
	return { entryId: entry.entryId, number, name: entry.label, unit: entry.units[0] ?? '', stoodAside };
}

async function mySeats(actor: Actor, roundId: string): Promise<SeatRow[]> {
	const seats = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (seats.length === 0) throw new DomainError('not_on_panel');
	return seats;
}

/** One round as its judge sees it: every entry by number, those they stand aside for marked so. */
export async function roundForJudge(actor: Actor, roundId: string): Promise<{ round: JudgeRoundSummary; entries: JudgeEntryView[] }> {
	const seats = await mySeats(actor, roundId);
	const { organisationId, judgeId, blind } = seats[0]!;
	const [entries, recusals] = await Promise.all([listRoundEntries(db(), organisationId, roundId), recusalsForRound(db(), organisationId, roundId)]);
	const asideFor = new Set(recusals.filter((recusal) => recusal.judgeId === judgeId).map((recusal) => recusal.entryId));
	return { round: summarise(seats)[0]!, entries: entries.map((entry) => view(entry, blind, asideFor.has(entry.entryId))) };
}

/**
 * One entry for a scoring judge. Refused (403) when the person is not a scoring judge of the round's
 * panel or stands aside for the entry; 404 when the entry is not in the round.
 */
export async function entryForJudge(actor: Actor, roundId: string, entryId: string): Promise<JudgeEntryView> {
	const seats = await mySeats(actor, roundId);
	const seat = seats.find((candidate) => SCORING_ROLES.includes(candidate.role)) ?? seats[0]!;
	await assertJudgeMayScore(db(), seat.organisationId, { roundId, judgeId: seat.judgeId, entryId });
	const entry = (await listRoundEntries(db(), seat.organisationId, roundId)).find((row) => row.entryId === entryId)!;
	return view(entry, seat.blind, false);
}
