import type { Db } from '../db/client';
import type { ConflictKind } from '$lib/domain/conflicts/conflicts';
import type { PanelRole } from './panel-queries';

export interface DeclaredConflictRow {
	id: string;
	judgeId: string;
	entryId: string;
	kind: ConflictKind;
	note: string;
	declaredBy: string | null;
	declaredByName: string | null;
	/** Whether the person who declared it is the judge themselves. */
	declaredByJudge: boolean;
	createdAt: Date;
}

const DECLARED_SELECT = `c.id, c.judge_id, c.entry_id, c.kind, c.note, c.declared_by, u.display_name as declared_by_name,
	(c.declared_by is not null and c.declared_by = j.user_id) as declared_by_judge, c.created_at`;

/** Declared conflicts between the round's panel and the round's entries. */
export function listDeclaredConflictsOfRound(db: Db, organisationId: string, roundId: string): Promise<DeclaredConflictRow[]> {
	return db<DeclaredConflictRow[]>`
		select ${db.unsafe(DECLARED_SELECT)}
		from judge_conflict c
		join judge j on j.id = c.judge_id and j.organisation_id = c.organisation_id
		left join app_user u on u.id = c.declared_by
		where c.organisation_id = ${organisationId}
			and c.entry_id in (select entry_id from round_entry where organisation_id = ${organisationId} and round_id = ${roundId})
		order by c.created_at`;
}

export async function insertConflict(
	db: Db,
	organisationId: string,
	input: { judgeId: string; entryId: string; kind: ConflictKind; note: string; declaredBy: string }
): Promise<string | undefined> {
	const [row] = await db<{ id: string }[]>`
		insert into judge_conflict (organisation_id, judge_id, entry_id, kind, note, declared_by)
		values (${organisationId}, ${input.judgeId}, ${input.entryId}, ${input.kind}, ${input.note}, ${input.declaredBy})
		on conflict (judge_id, entry_id, kind) do nothing
		returning id`;
	return row?.id;
}

export async function getConflict(db: Db, organisationId: string, id: string): Promise<DeclaredConflictRow | undefined> {
	const [row] = await db<DeclaredConflictRow[]>`
		select ${db.unsafe(DECLARED_SELECT)}
		from judge_conflict c
		join judge j on j.id = c.judge_id and j.organisation_id = c.organisation_id
		left join app_user u on u.id = c.declared_by
		where c.organisation_id = ${organisationId} and c.id = ${id}`;
	return row;
}

export async function deleteConflict(db: Db, organisationId: string, id: string): Promise<boolean> {
	return (await db`delete from judge_conflict where organisation_id = ${organisationId} and id = ${id} returning id`).length > 0;
}

export interface RoundEntryRow {
	entryId: string;
	number: number | null;
	markingNumber: number | null;
	/** The team's name or the person's name: for organisers only, never for judges of a blind round. */
	label: string;
	/** The entry's unit and its active members' units. */
	units: string[];
}

/** The entries of a round with what conflicts are computed from. */
export function listRoundEntries(db: Db, organisationId: string, roundId: string): Promise<RoundEntryRow[]> {
	return db<RoundEntryRow[]>`
		select re.entry_id, re.number, re.marking_number,
			coalesce(e.team_name, (select m.name from entry_member m where m.entry_id = e.id and m.organisation_id = e.organisation_id order by m.position limit 1), '') as label,
			array_prepend(e.unit, coalesce((select array_agg(m.unit order by m.position) from entry_member m where m.entry_id = e.id and m.organisation_id = e.organisation_id and m.active), '{}')) as units
		from round_entry re join entry e on e.id = re.entry_id and e.organisation_id = re.organisation_id
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId}
		order by coalesce(re.marking_number, re.number) nulls last, re.created_at, re.entry_id`;
}

/** What deciding whether one judge may score one entry of a round needs, read in one statement. */
export interface ScoringFactsRow {
	/** The judge's roles on the round's panel (empty when not on it). */
	roles: PanelRole[];
	/** Read only when `roles` is not empty (the judge exists then). */
	judgeUnit: string;
	/** The entry's unit then its active members' units, as listRoundEntries gives them; null when the entry is not in the round. */
	entryUnits: string[] | null;
	/** A declared conflict between this judge and this entry. */
	declared: boolean;
}

/**
 * The facts for one judge and one entry only (the per-operation check of live judging): the same
 * rows assertJudgeMayScore used to read for the whole round (panel, entries with units, declared
 * conflicts), narrowed by their keys so each write costs a few index look-ups.
 */
export async function getScoringFacts(db: Db, organisationId: string, target: { roundId: string; judgeId: string; entryId: string }): Promise<ScoringFactsRow> {
	const [row] = await db<ScoringFactsRow[]>`
		select
			coalesce((select array_agg(p.role) from panel_member p join judge j on j.id = p.judge_id and j.organisation_id = p.organisation_id
				where p.organisation_id = ${organisationId} and p.round_id = ${target.roundId} and p.judge_id = ${target.judgeId}), '{}') as roles,
			(select j.unit from judge j where j.organisation_id = ${organisationId} and j.id = ${target.judgeId}) as judge_unit,
			(select array_prepend(e.unit, coalesce((select array_agg(m.unit order by m.position) from entry_member m where m.entry_id = e.id and m.organisation_id = e.organisation_id and m.active), '{}'))
				from round_entry re join entry e on e.id = re.entry_id and e.organisation_id = re.organisation_id
				where re.organisation_id = ${organisationId} and re.round_id = ${target.roundId} and re.entry_id = ${target.entryId}) as entry_units,
			exists (select 1 from judge_conflict c join judge j on j.id = c.judge_id and j.organisation_id = c.organisation_id
				where c.organisation_id = ${organisationId} and c.judge_id = ${target.judgeId} and c.entry_id = ${target.entryId}) as declared`;
	return row!;
}
