import type { Db } from '../db/client';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

// The live board's own reads. Everything here is numbers, ids and the organiser's own labels for
// events and rounds: no entry's name, unit, phone or ID number is ever selected.

export interface BoardCompetitionRow {
	id: string;
	organisationId: string;
	title: string;
	slug: string;
	status: CompetitionStatus;
}

export async function getBoardCompetition(db: Db, organisationId: string, competitionId: string): Promise<BoardCompetitionRow | undefined> {
	const [row] = await db<BoardCompetitionRow[]>`
		select id, organisation_id, title, slug, status from competition where organisation_id = ${organisationId} and id = ${competitionId}`;
	return row;
}

export interface BoardRoundRow {
	roundId: string;
	eventId: string;
	eventName: string;
	roundName: string;
	lockedAt: Date | null;
	showsStandings: boolean;
}

/** The competition's rounds that have entries, in the order events and rounds are listed. */
export function listBoardRounds(db: Db, organisationId: string, competitionId: string): Promise<BoardRoundRow[]> {
	return db<BoardRoundRow[]>`
		select r.id as round_id, e.id as event_id, e.name as event_name, r.name as round_name,
			r.scores_locked_at as locked_at, r.board_shows_standings as shows_standings
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		where r.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
			and exists (select 1 from round_entry re where re.organisation_id = r.organisation_id and re.round_id = r.id)
		order by e.position, r.position`;
}

export interface BoardEntryRow {
	roundId: string;
	entryId: string;
	/** The marking number when drawn (what judges see), else the contestant number; null before the draw. */
	number: number | null;
}

export function listBoardEntries(db: Db, organisationId: string, roundIds: string[]): Promise<BoardEntryRow[]> {
	return db<BoardEntryRow[]>`
		select round_id, entry_id, coalesce(marking_number, number) as number
		from round_entry
		where organisation_id = ${organisationId} and round_id = any(${roundIds}::uuid[])
		order by coalesce(marking_number, number) nulls last, created_at, entry_id`;
}

export function listScoringSeats(db: Db, organisationId: string, roundIds: string[]): Promise<{ roundId: string; judgeId: string }[]> {
	return db<{ roundId: string; judgeId: string }[]>`
		select distinct round_id, judge_id from panel_member
		where organisation_id = ${organisationId} and round_id = any(${roundIds}::uuid[]) and role in ('judge', 'head')`;
}

export function listReceivedSheets(db: Db, organisationId: string, roundIds: string[]): Promise<{ roundId: string; entryId: string; judgeId: string; componentKey: string }[]> {
	return db<{ roundId: string; entryId: string; judgeId: string; componentKey: string }[]>`
		select round_id, entry_id, judge_id, component_key from score_sheet
		where organisation_id = ${organisationId} and round_id = any(${roundIds}::uuid[]) and status in ('submitted', 'locked')`;
}

export function listAbsences(db: Db, organisationId: string, roundIds: string[]): Promise<{ roundId: string; entryId: string; judgeId: string }[]> {
	return db<{ roundId: string; entryId: string; judgeId: string }[]>`
		select round_id, entry_id, judge_id from judge_absence where organisation_id = ${organisationId} and round_id = any(${roundIds}::uuid[])`;
}

/** Returns false when the round is not this organisation's. */
export async function setBoardShowsStandings(db: Db, organisationId: string, roundId: string, shows: boolean): Promise<boolean> {
	const rows = await db`update round set board_shows_standings = ${shows} where organisation_id = ${organisationId} and id = ${roundId} returning id`;
	return rows.length > 0;
}
