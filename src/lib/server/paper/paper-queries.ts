import type { Db } from '../db/client';

// Paper score sheets typed in by two clerks land in score_sheet like a tablet's, with source 'paper'.

export interface StoredSheetRow {
	id: string;
	status: 'draft' | 'submitted' | 'returned' | 'locked';
	version: number;
}

/** The judge's sheet for the entry and component, locked for the transaction. */
export async function lockScoreSheet(db: Db, organisationId: string, key: { roundId: string; entryId: string; judgeId: string; componentKey: string }): Promise<StoredSheetRow | undefined> {
	const [row] = await db<StoredSheetRow[]>`
		select id, status, version from score_sheet
		where organisation_id = ${organisationId} and round_id = ${key.roundId} and entry_id = ${key.entryId}
			and judge_id = ${key.judgeId} and component_key = ${key.componentKey}
		for update`;
	return row;
}

/** Stores the agreed paper sheet as submitted (version raised on every write), answering its id and version (none for another organisation's sheet). */
export async function savePaperSheet(
	db: Db,
	organisationId: string,
	key: { roundId: string; entryId: string; judgeId: string; componentKey: string },
	sheet: { scores: Record<string, number>; deductions: Record<string, number> }
): Promise<{ id: string; version: number } | undefined> {
	const [row] = await db<{ id: string; version: number }[]>`
		insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, deductions, status, source, submitted_at)
		values (${organisationId}, ${key.roundId}, ${key.entryId}, ${key.judgeId}, ${key.componentKey},
			${db.json(sheet.scores)}, ${db.json(sheet.deductions)}, 'submitted', 'paper', now())
		on conflict (round_id, entry_id, judge_id, component_key) do update
		set scores = excluded.scores, deductions = excluded.deductions, status = 'submitted', source = 'paper', status_reason = '',
			version = score_sheet.version + 1, submitted_at = now(), updated_at = now(), last_operation_id = null, last_device_id = null
		where score_sheet.organisation_id = ${organisationId}
		returning id, version`;
	return row;
}
