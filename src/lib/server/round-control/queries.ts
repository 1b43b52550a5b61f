import type { SheetRow } from '../sheets/sheet-queries';
import type { Db } from '../db/client';
import type { SheetStatus } from '$lib/realtime/events';

export interface ControlledRoundRow {
	id: string;
	name: string;
	blind: boolean;
	eventName: string;
	competitionId: string;
	competitionTitle: string;
	organisationSlug: string;
	scoresLockedAt: Date | null;
	signedOffByName: string | null;
}

/** The round with what the head judge's pages show about it; locked for the transaction when asked. */
export async function getControlledRound(db: Db, organisationId: string, roundId: string, forUpdate = false): Promise<ControlledRoundRow | undefined> {
	const [row] = await db<ControlledRoundRow[]>`
		select r.id, r.name, r.blind, e.name as event_name, c.id as competition_id, c.title as competition_title, o.slug as organisation_slug,
			r.scores_locked_at, u.display_name as signed_off_by_name
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		join organisation o on o.id = r.organisation_id
		left join app_user u on u.id = r.signed_off_by
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		${forUpdate ? db`for update of r` : db``}`;
	return row;
}

/** A sheet of the round as the head judge's queries read it (the round is known). */
export type RoundSheetRow = Omit<SheetRow, 'roundId' | 'source' | 'lastOperationId'>;

const SHEET_COLUMNS = 'id, entry_id, judge_id, component_key, scores, deductions, note, status, version, status_reason, updated_at';

export function listRoundSheets(db: Db, organisationId: string, roundId: string): Promise<RoundSheetRow[]> {
	return db<RoundSheetRow[]>`
		select ${db.unsafe(SHEET_COLUMNS)} from score_sheet where organisation_id = ${organisationId} and round_id = ${roundId}`;
}

export async function getSheetForUpdate(
	db: Db,
	organisationId: string,
	key: { roundId: string; entryId: string; judgeId: string; componentKey: string }
): Promise<RoundSheetRow | undefined> {
	const [row] = await db<RoundSheetRow[]>`
		select ${db.unsafe(SHEET_COLUMNS)} from score_sheet
		where organisation_id = ${organisationId} and round_id = ${key.roundId} and entry_id = ${key.entryId}
			and judge_id = ${key.judgeId} and component_key = ${key.componentKey}
		for update`;
	return row;
}

/** Moves a sheet to a status with the head judge's reason; every write raises the version. */
export async function setSheetStatus(db: Db, organisationId: string, sheetId: string, status: SheetStatus, reason: string): Promise<RoundSheetRow | undefined> {
	const [row] = await db<RoundSheetRow[]>`
		update score_sheet set status = ${status}, status_reason = ${reason}, version = version + 1, updated_at = now(),
			locked_at = case when ${status} = 'locked' then now() else null end
		where organisation_id = ${organisationId} and id = ${sheetId}
		returning ${db.unsafe(SHEET_COLUMNS)}`;
	return row;
}

/** Sign-off: every sheet of the round that is not locked yet becomes locked. */
export async function lockRoundSheets(db: Db, organisationId: string, roundId: string): Promise<RoundSheetRow[]> {
	return db<RoundSheetRow[]>`
		update score_sheet set status = 'locked', locked_at = now(), version = version + 1, updated_at = now()
		where organisation_id = ${organisationId} and round_id = ${roundId} and status <> 'locked'
		returning ${db.unsafe(SHEET_COLUMNS)}`;
}

export async function markRoundSignedOff(db: Db, organisationId: string, roundId: string, userId: string): Promise<boolean> {
	const rows = await db`
		update round set scores_locked_at = now(), signed_off_by = ${userId}
		where organisation_id = ${organisationId} and id = ${roundId} and scores_locked_at is null returning id`;
	return rows.length > 0;
}

export interface AbsenceRow {
	entryId: string;
	judgeId: string;
	reason: string;
	recordedByName: string | null;
	createdAt: Date;
}

export function listAbsences(db: Db, organisationId: string, roundId: string): Promise<AbsenceRow[]> {
	return db<AbsenceRow[]>`
		select a.entry_id, a.judge_id, a.reason, u.display_name as recorded_by_name, a.created_at
		from judge_absence a left join app_user u on u.id = a.recorded_by
		where a.organisation_id = ${organisationId} and a.round_id = ${roundId} order by a.created_at`;
}

/** False when the judge was already marked absent for the entry. */
export async function insertAbsence(db: Db, organisationId: string, row: { roundId: string; entryId: string; judgeId: string; reason: string; recordedBy: string }): Promise<boolean> {
	const inserted = await db`
		insert into judge_absence (organisation_id, round_id, entry_id, judge_id, reason, recorded_by)
		values (${organisationId}, ${row.roundId}, ${row.entryId}, ${row.judgeId}, ${row.reason}, ${row.recordedBy})
		on conflict (round_id, entry_id, judge_id) do nothing returning entry_id`;
	return inserted.length > 0;
}

/** The removed absence's reason, or undefined when there was none. */
export async function deleteAbsence(db: Db, organisationId: string, key: { roundId: string; entryId: string; judgeId: string }): Promise<string | undefined> {
	const [row] = await db<{ reason: string }[]>`
		delete from judge_absence
		where organisation_id = ${organisationId} and round_id = ${key.roundId} and entry_id = ${key.entryId} and judge_id = ${key.judgeId}
		returning reason`;
	return row?.reason;
}

/** Unlocking a sheet of a signed-off round withdraws the sign-off: it holds only while every sheet is locked. */
export async function withdrawRoundSignOff(db: Db, organisationId: string, roundId: string): Promise<boolean> {
	const rows = await db`
		update round set scores_locked_at = null, signed_off_by = null
		where organisation_id = ${organisationId} and id = ${roundId} and scores_locked_at is not null returning id`;
	return rows.length > 0;
}

/** Where a round is, for a signed-in person who belongs there: its organisation, their membership role, whether they judge in it. */
export interface RoundPlaceOfUser {
	organisationId: string;
	organisationSlug: string;
	memberRole: 'owner' | 'organiser' | 'contestant' | null;
	isJudge: boolean;
}

/**
 * Looks a round up by the signed-in user (no organisation known yet, as on the API without a token):
 * found only when they are a member of its organisation or one of its judges; to anyone else it does not exist.
 */
export async function findRoundPlaceOfUser(db: Db, userId: string, roundId: string): Promise<RoundPlaceOfUser | undefined> {
	const [row] = await db<RoundPlaceOfUser[]>`
		select r.organisation_id, o.slug as organisation_slug, m.role as member_role,
			exists (select 1 from judge j where j.organisation_id = r.organisation_id and j.user_id = ${userId}) as is_judge
		from round r join organisation o on o.id = r.organisation_id
		left join membership m on m.organisation_id = r.organisation_id and m.user_id = ${userId}
		where r.id = ${roundId}`;
	return row && (row.memberRole !== null || row.isJudge) ? row : undefined;
}
