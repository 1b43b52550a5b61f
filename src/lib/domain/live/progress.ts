/**
 * What the public board says about a round's scoring: for each entry, how many sheets have reached the
 * head judge (submitted or locked) of how many are expected. Expected = the round's scoring judges who
 * neither stand aside for the entry (a conflict) nor were marked absent for it, times the scheme's
 * `judges` components. Only numbers go out: the entry's id stays here.
 */
export interface ProgressInput {
	entries: { entryId: string; number: number | null }[];
	/** Judges who score the round (its panel's judges and head judge). */
	scoringJudgeIds: string[];
	/** Keys of the scheme's `judges` components. */
	componentKeys: string[];
	/** Judge and entry pairs that do not count: recusals and recorded absences. */
	excused: { entryId: string; judgeId: string }[];
	/** Sheets submitted or locked. */
	received: { entryId: string; judgeId: string; componentKey: string }[];
}

export interface EntryProgress {
	number: number | null;
	received: number;
	expected: number;
}

const pair = (entryId: string, judgeId: string) => `${entryId}/${judgeId}`;

export function roundProgress(input: ProgressInput): EntryProgress[] {
	const judges = new Set(input.scoringJudgeIds);
	const components = new Set(input.componentKeys);
	const excused = new Set(input.excused.map((row) => pair(row.entryId, row.judgeId)));
	const counted = new Map<string, Set<string>>();
	for (const sheet of input.received) {
		// A sheet from someone who no longer scores this entry, or for a component the scheme dropped, is not progress.
		if (!judges.has(sheet.judgeId) || !components.has(sheet.componentKey) || excused.has(pair(sheet.entryId, sheet.judgeId))) continue;
		const sheets = counted.get(sheet.entryId) ?? new Set<string>();
		sheets.add(`${sheet.judgeId}/${sheet.componentKey}`);
		counted.set(sheet.entryId, sheets);
	}
	return input.entries.map((entry) => {
		const judging = input.scoringJudgeIds.filter((judgeId) => !excused.has(pair(entry.entryId, judgeId))).length;
		return { number: entry.number, received: counted.get(entry.entryId)?.size ?? 0, expected: judging * components.size };
	});
}
