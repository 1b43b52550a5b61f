import type { Db } from '../db/client';
import type { Scheme } from '$lib/domain/scoring';
import type { Typed } from '$lib/domain/entered/keying';

// What the panel enters beside the judges' sheets (migration 0018): entered values and the keyings
// that wait for a second person, deduction counts, finish times. Every query is one organisation's.

export interface EnteredRoundRow {
	id: string;
	name: string;
	blind: boolean;
	scoresLockedAt: Date | null;
	eventName: string;
	competitionId: string;
	competitionTitle: string;
	scheme: Scheme | null;
}

/** The round with what every page and check here needs: titles, blindness, the lock and the scheme in force. */
export async function getEnteredRound(db: Db, organisationId: string, roundId: string, forUpdate = false): Promise<EnteredRoundRow | undefined> {
	const [row] = await db<EnteredRoundRow[]>`
		select r.id, r.name, r.blind, r.scores_locked_at, e.name as event_name, c.id as competition_id, c.title as competition_title,
			(select v.scheme from scheme_version v where v.organisation_id = r.organisation_id and v.round_id = r.id order by v.version desc limit 1) as scheme
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		${forUpdate ? db`for update of r` : db``}`;
	return row;
}

/** Whether the person sits on the round's panel as its head judge (裁判长). */
export async function isHeadJudge(db: Db, organisationId: string, roundId: string, userId: string): Promise<boolean> {
	const [row] = await db<{ found: boolean }[]>`
		select exists (
			select 1 from panel_member p join judge j on j.id = p.judge_id and j.organisation_id = p.organisation_id
			where p.organisation_id = ${organisationId} and p.round_id = ${roundId} and p.role = 'head' and j.user_id = ${userId}
		) as found`;
	return row?.found ?? false;
}

export interface NumberedEntryRow {
	entryId: string;
	/** The marking number in a blind round when drawn, else the contestant number; null before the draw. */
	number: number | null;
}

/** The round's entries by the number people see on the floor (the marking number when there is one). */
export function listNumberedEntries(db: Db, organisationId: string, roundId: string): Promise<NumberedEntryRow[]> {
	return db<NumberedEntryRow[]>`
		select re.entry_id, coalesce(re.marking_number, re.number) as number
		from round_entry re
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId}
		order by coalesce(re.marking_number, re.number) nulls last, re.created_at, re.entry_id`;
}

export interface EnteredValueRow {
	entryId: string;
	componentKey: string;
	value: number;
	source: 'double_entry' | 'import' | 'api';
	updatedAt: Date;
}

export function listEnteredValues(db: Db, organisationId: string, roundId: string): Promise<EnteredValueRow[]> {
	return db<EnteredValueRow[]>`
		select entry_id, component_key, value, source, updated_at from entered_value
		where organisation_id = ${organisationId} and round_id = ${roundId}`;
}

export async function upsertEnteredValues(
	db: Db,
	organisationId: string,
	roundId: string,
	rows: { entryId: string; componentKey: string; value: number }[],
	who: { source: 'double_entry' | 'import' | 'api'; recordedBy: string; confirmedBy: string | null }
): Promise<void> {
	if (rows.length === 0) return;
	await db`
		insert into entered_value (organisation_id, round_id, entry_id, component_key, value, source, recorded_by, confirmed_by)
		select ${organisationId}, ${roundId}, entry_id, component_key, value, ${who.source}, ${who.recordedBy}, ${who.confirmedBy}
		from unnest(${rows.map((row) => row.entryId)}::uuid[], ${rows.map((row) => row.componentKey)}::text[], ${rows.map((row) => row.value)}::int[]) as input(entry_id, component_key, value)
		on conflict (round_id, entry_id, component_key) do update
		set value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by, confirmed_by = excluded.confirmed_by, updated_at = now()
		where entered_value.organisation_id = ${organisationId}`;
}

export interface KeyingRow {
	entryId: string;
	target: string;
	keyedBy: string;
	typed: Typed;
}

/** Keyings waiting for agreement whose target starts with the prefix ('entered:' or 'sheet:'). */
export function listKeyings(db: Db, organisationId: string, roundId: string, targetPrefix: string): Promise<KeyingRow[]> {
	return db<KeyingRow[]>`
		select entry_id, target, keyed_by, typed from entered_value_keying
		where organisation_id = ${organisationId} and round_id = ${roundId} and starts_with(target, ${targetPrefix})
		order by created_at`;
}

/** Locks and reads one target's keyings, so two people typing at once settle one after the other. */
export function lockKeyingsOf(db: Db, organisationId: string, roundId: string, entryId: string, target: string): Promise<KeyingRow[]> {
	return db<KeyingRow[]>`
		select entry_id, target, keyed_by, typed from entered_value_keying
		where organisation_id = ${organisationId} and round_id = ${roundId} and entry_id = ${entryId} and target = ${target}
		order by created_at for update`;
}

/** Keeps the person's keying (replacing their earlier one for the same target). */
export async function saveKeying(db: Db, organisationId: string, roundId: string, entryId: string, target: string, keyedBy: string, typed: Typed): Promise<void> {
	await db`
		insert into entered_value_keying (organisation_id, round_id, entry_id, target, typed, keyed_by)
		values (${organisationId}, ${roundId}, ${entryId}, ${target}, ${db.json(typed as never)}, ${keyedBy})
		on conflict (round_id, entry_id, target, keyed_by) do update set typed = excluded.typed, created_at = now()
		where entered_value_keying.organisation_id = ${organisationId}`;
}

export async function clearKeyings(db: Db, organisationId: string, roundId: string, entryId: string, target: string): Promise<void> {
	await db`
		delete from entered_value_keying
		where organisation_id = ${organisationId} and round_id = ${roundId} and entry_id = ${entryId} and target = ${target}`;
}

/** Clears the keyings still waiting on these cells (an import set them), returning what was cleared. */
export function clearKeyingsOfCells(db: Db, organisationId: string, roundId: string, cells: { entryId: string; target: string }[]): Promise<Omit<KeyingRow, 'typed'>[]> {
	if (cells.length === 0) return Promise.resolve([]);
	return db<Omit<KeyingRow, 'typed'>[]>`
		delete from entered_value_keying k
		using unnest(${cells.map((cell) => cell.entryId)}::uuid[], ${cells.map((cell) => cell.target)}::text[]) as cell(entry_id, target)
		where k.organisation_id = ${organisationId} and k.round_id = ${roundId} and k.entry_id = cell.entry_id and k.target = cell.target
		returning k.entry_id, k.target, k.keyed_by`;
}

export interface DeductionCountRow {
	entryId: string;
	componentKey: string;
	itemKey: string;
	count: number;
}

export function listDeductionCounts(db: Db, organisationId: string, roundId: string): Promise<DeductionCountRow[]> {
	return db<DeductionCountRow[]>`
		select entry_id, component_key, item_key, count from deduction_count
		where organisation_id = ${organisationId} and round_id = ${roundId}`;
}

export async function upsertDeductionCounts(db: Db, organisationId: string, roundId: string, rows: DeductionCountRow[], recordedBy: string): Promise<void> {
	if (rows.length === 0) return;
	await db`
		insert into deduction_count (organisation_id, round_id, entry_id, component_key, item_key, count, recorded_by)
		select ${organisationId}, ${roundId}, entry_id, component_key, item_key, count, ${recordedBy}
		from unnest(${rows.map((row) => row.entryId)}::uuid[], ${rows.map((row) => row.componentKey)}::text[], ${rows.map((row) => row.itemKey)}::text[], ${rows.map((row) => row.count)}::int[])
			as input(entry_id, component_key, item_key, count)
		on conflict (round_id, entry_id, component_key, item_key) do update set count = excluded.count, recorded_by = excluded.recorded_by, updated_at = now()
		where deduction_count.organisation_id = ${organisationId}`;
}

export interface JudgeTallyRow {
	entryId: string;
	judgeId: string;
	judgeName: string;
	componentKey: string;
	deductions: Record<string, number>;
}

/** The judges' own bench tallies (score_sheet.deductions), shown beside the panel's count. */
export function listJudgeTallies(db: Db, organisationId: string, roundId: string): Promise<JudgeTallyRow[]> {
	return db<JudgeTallyRow[]>`
		select s.entry_id, s.judge_id, j.name as judge_name, s.component_key, s.deductions
		from score_sheet s join judge j on j.id = s.judge_id and j.organisation_id = s.organisation_id
		where s.organisation_id = ${organisationId} and s.round_id = ${roundId} and s.deductions <> '{}'::jsonb
		order by j.name`;
}

export interface FinishTimeRow {
	entryId: string;
	finishedAt: Date;
}

export function listFinishTimes(db: Db, organisationId: string, roundId: string): Promise<FinishTimeRow[]> {
	return db<FinishTimeRow[]>`
		select entry_id, finished_at from finish_time where organisation_id = ${organisationId} and round_id = ${roundId}`;
}

/** Sets the given entries' finish times; a null time removes the entry's. */
export async function saveFinishTimes(db: Db, organisationId: string, roundId: string, rows: { entryId: string; finishedAt: Date | null }[], recordedBy: string): Promise<void> {
	const removed = rows.filter((row) => row.finishedAt === null).map((row) => row.entryId);
	const kept = rows.filter((row): row is FinishTimeRow => row.finishedAt !== null);
	if (removed.length > 0) await db`delete from finish_time where organisation_id = ${organisationId} and round_id = ${roundId} and entry_id = any(${removed}::uuid[])`;
	if (kept.length === 0) return;
	await db`
		insert into finish_time (organisation_id, round_id, entry_id, finished_at, recorded_by)
		select ${organisationId}, ${roundId}, entry_id, finished_at, ${recordedBy}
		from unnest(${kept.map((row) => row.entryId)}::uuid[], ${kept.map((row) => row.finishedAt.toISOString())}::timestamptz[]) as input(entry_id, finished_at)
		on conflict (round_id, entry_id) do update set finished_at = excluded.finished_at, recorded_by = excluded.recorded_by, updated_at = now()
		where finish_time.organisation_id = ${organisationId}`;
}
