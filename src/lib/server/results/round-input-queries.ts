import type { Db } from '../db/client';

export interface StoredSheetRow {
	entryId: string;
	judgeId: string;
	componentKey: string;
	status: string;
	scores: Record<string, number>;
}

export interface StoredScoringRows {
	sheets: StoredSheetRow[];
	absences: { entryId: string; judgeId: string }[];
	deductionCounts: { entryId: string; componentKey: string; itemKey: string; count: number }[];
	enteredValues: { entryId: string; componentKey: string; value: number }[];
	/** Milliseconds since the epoch. */
	finishTimes: { entryId: string; finishedAt: number }[];
}

/** Every stored row of a round that scoring reads (all sheets, whatever their status: the caller picks). */
export async function listStoredScoringRows(db: Db, organisationId: string, roundId: string): Promise<StoredScoringRows> {
	const [sheets, absences, deductionCounts, enteredValues, finishTimes] = await Promise.all([
		db<StoredSheetRow[]>`
			select entry_id, judge_id, component_key, status, scores from score_sheet
			where organisation_id = ${organisationId} and round_id = ${roundId}`,
		db<{ entryId: string; judgeId: string }[]>`
			select entry_id, judge_id from judge_absence where organisation_id = ${organisationId} and round_id = ${roundId}`,
		db<{ entryId: string; componentKey: string; itemKey: string; count: number }[]>`
			select entry_id, component_key, item_key, count from deduction_count where organisation_id = ${organisationId} and round_id = ${roundId}`,
		db<{ entryId: string; componentKey: string; value: number }[]>`
			select entry_id, component_key, value from entered_value where organisation_id = ${organisationId} and round_id = ${roundId}`,
		db<{ entryId: string; finishedAt: number }[]>`
			select entry_id, (extract(epoch from finished_at) * 1000)::float8 as finished_at from finish_time
			where organisation_id = ${organisationId} and round_id = ${roundId}`
	]);
	return { sheets, absences, deductionCounts, enteredValues, finishTimes };
}
