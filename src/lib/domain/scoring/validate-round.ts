import type { RoundInput, Scheme, SheetInput } from './types';

export type RoundInputIssueCode =
	| 'duplicate_entry_id'
	| 'duplicate_entry_number'
	| 'entry_number_invalid'
	| 'duplicate_judge_sheet'
	| 'vote_count_invalid'
	| 'deduction_count_invalid';

export interface RoundInputIssue {
	path: (string | number)[];
	code: RoundInputIssueCode;
}

/** Round data that cannot be scored without guessing (two entries with one number, a judge twice on one sheet…). */
export class InvalidRoundInputError extends Error {
	readonly code = 'round_input_invalid';
	constructor(readonly issues: RoundInputIssue[]) {
		super(`round_input_invalid: ${issues.map((issue) => `${issue.path.join('.')} ${issue.code}`).join(', ')}`);
		this.name = 'InvalidRoundInputError';
	}
}

/** Votes above this could not be summed exactly over a large round. */
const MAX_VOTES = 1_000_000_000_000;
const MAX_DEDUCTION_COUNT = 1_000_000;

/**
 * Lists structural problems in a round's data that would make results ambiguous: entry ids and
 * contestant numbers must be unique, a judge marks an entry at most once per component, vote and
 * deduction counts are whole numbers. Individual marks out of range are not listed here: they make
 * the sheet incomplete, which the results flag.
 */
export function validateRoundInput(scheme: Scheme, input: RoundInput): RoundInputIssue[] {
	const issues: RoundInputIssue[] = [];
	const ids = new Set<string>();
	const numbers = new Set<number>();
	input.entries.forEach((entry, index) => {
		if (ids.has(entry.id)) issues.push({ path: entryPath(index, 'id'), code: 'duplicate_entry_id' });
		ids.add(entry.id);
		if (!Number.isSafeInteger(entry.number)) issues.push({ path: entryPath(index, 'number'), code: 'entry_number_invalid' });
		else if (numbers.has(entry.number)) issues.push({ path: entryPath(index, 'number'), code: 'duplicate_entry_number' });
		numbers.add(entry.number);
		for (const component of scheme.components) {
			if (component.source === 'judges') {
				const sheets = entry.sheets?.[component.key] ?? [];
				for (const sheetIndex of findRepeatedJudges(sheets)) issues.push({ path: entryPath(index, 'sheets', component.key, sheetIndex), code: 'duplicate_judge_sheet' });
				const counts = entry.deductions?.[component.key];
				for (const item in counts)
					if (Object.hasOwn(counts, item) && !isCountIn(counts[item], MAX_DEDUCTION_COUNT))
						issues.push({ path: entryPath(index, 'deductions', component.key, item), code: 'deduction_count_invalid' });
			} else if (component.source === 'public_vote') {
				const votes = entry.votes?.[component.key];
				if (votes !== undefined && !isCountIn(votes, MAX_VOTES)) issues.push({ path: entryPath(index, 'votes', component.key), code: 'vote_count_invalid' });
			}
		}
	});
	return issues;
}

/** An issue's path, built only when there is an issue to report (most rounds have none). */
function entryPath(index: number, ...rest: (string | number)[]): (string | number)[] {
	return ['entries', index, ...rest];
}

/** Positions of sheets whose judge already has a sheet earlier in the list; sheets usually arrive sorted, which is checked first. */
const NO_POSITIONS: readonly number[] = Object.freeze([]);

function findRepeatedJudges(sheets: readonly SheetInput[]): readonly number[] {
	let isStrictlyAscending = true;
	for (let index = 1; index < sheets.length && isStrictlyAscending; index++)
		isStrictlyAscending = (sheets[index - 1] as SheetInput).judgeId < (sheets[index] as SheetInput).judgeId;
	if (isStrictlyAscending) return NO_POSITIONS;
	const seen = new Set<string>();
	const repeated: number[] = [];
	sheets.forEach((sheet, index) => {
		if (seen.has(sheet.judgeId)) repeated.push(index);
		seen.add(sheet.judgeId);
	});
	return repeated;
}

function isCountIn(value: unknown, max: number): boolean {
	return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
}
