import type { EntryInput, RoundInput, Scheme, SheetInput } from '../scoring/types';

/**
 * What the database holds for one round, as plain rows: the engine's input is assembled from these
 * and nothing else, so provisional results can always be recomputed from what is stored.
 */
export interface StoredRound {
	/** The round's entries with the number judges see (marking number, else contestant number; null before the draw). */
	entries: readonly { entryId: string; number: number | null; unit?: string | null }[];
	sheets: readonly { entryId: string; judgeId: string; componentKey: string; status: string; scores: Readonly<Record<string, number>> }[];
	/** Judges who stand aside for an entry (a conflict of interest). */
	standAside: readonly { entryId: string; judgeId: string }[];
	/** Judges the head judge marked absent for an entry. */
	absences: readonly { entryId: string; judgeId: string }[];
	deductionCounts: readonly { entryId: string; componentKey: string; itemKey: string; count: number }[];
	enteredValues: readonly { entryId: string; componentKey: string; value: number }[];
	/** Milliseconds since the epoch. */
	finishTimes: readonly { entryId: string; finishedAt: number }[];
	/** Accepted public votes per entry (entries without a row have none); every public_vote component reads them. */
	votes?: readonly { entryId: string; votes: number }[];
}

/** Sheets the head judge has received: a draft or a returned sheet is still the judge's own. */
export const COUNTED_SHEET_STATUSES: readonly string[] = ['submitted', 'locked'];

const pair = (entryId: string, judgeId: string) => `${entryId}\u0000${judgeId}`;

/**
 * The number each entry is scored under: its own when it has one no other entry has; otherwise
 * (no number yet, or a clash between marking and contestant numbers) numbers after the largest, in
 * the order given. The engine needs distinct whole numbers; pages still show the stored number.
 */
export function engineNumbers(entries: readonly { entryId: string; number: number | null }[]): Map<string, number> {
	const counts = new Map<number, number>();
	for (const entry of entries) if (entry.number !== null) counts.set(entry.number, (counts.get(entry.number) ?? 0) + 1);
	const result = new Map<string, number>();
	let next = Math.max(0, ...entries.map((entry) => entry.number ?? 0)) + 1;
	for (const entry of entries) {
		const own = entry.number !== null && Number.isSafeInteger(entry.number) && counts.get(entry.number) === 1;
		result.set(entry.entryId, own ? (entry.number as number) : next++);
	}
	return result;
}

/**
 * The engine's input for a round from its stored rows (DESIGN.md §3): only submitted or locked
 * sheets count; a judge who stands aside or was marked absent for an entry has no sheet in it (the
 * engine aggregates the judges present); the panel's deduction counts, entered values and finish
 * times go to their components; the accepted public votes go to every public_vote component (a round
 * has one vote, so two vote components would read the same count). Rows for components the scheme does not have are ignored.
 */
export function assembleRoundInput(scheme: Scheme, stored: StoredRound): RoundInput {
	const judgesKeys = new Set(scheme.components.filter((component) => component.source === 'judges').map((component) => component.key));
	const enteredKeys = new Set(scheme.components.filter((component) => component.source === 'entered').map((component) => component.key));
	const voteKeys = scheme.components.filter((component) => component.source === 'public_vote').map((component) => component.key);
	const excluded = new Set([...stored.standAside, ...stored.absences].map((row) => pair(row.entryId, row.judgeId)));
	const numbers = engineNumbers(stored.entries);
	const byEntry = new Map<string, EntryInput & { sheets: Record<string, SheetInput[]>; deductions: Record<string, Record<string, number>>; entered: Record<string, number>; votes: Record<string, number> }>();
	for (const entry of stored.entries) {
		byEntry.set(entry.entryId, {
			id: entry.entryId,
			number: numbers.get(entry.entryId) as number,
			// The entry's unit (单位) is what team scores group by (DESIGN §3).
			...(entry.unit ? { unit: entry.unit } : {}),
			sheets: Object.fromEntries([...judgesKeys].map((key) => [key, []])),
			deductions: {},
			entered: {},
			votes: Object.fromEntries(voteKeys.map((key) => [key, 0]))
		});
	}
	for (const sheet of stored.sheets) {
		const entry = byEntry.get(sheet.entryId);
		if (!entry || !judgesKeys.has(sheet.componentKey) || !COUNTED_SHEET_STATUSES.includes(sheet.status)) continue;
		if (excluded.has(pair(sheet.entryId, sheet.judgeId))) continue;
		entry.sheets[sheet.componentKey]!.push({ judgeId: sheet.judgeId, scores: { ...sheet.scores } });
	}
	for (const row of stored.deductionCounts) {
		const entry = byEntry.get(row.entryId);
		if (!entry || !judgesKeys.has(row.componentKey)) continue;
		(entry.deductions[row.componentKey] ??= {})[row.itemKey] = row.count;
	}
	for (const row of stored.enteredValues) {
		const entry = byEntry.get(row.entryId);
		if (entry && enteredKeys.has(row.componentKey)) entry.entered[row.componentKey] = row.value;
	}
	for (const row of stored.votes ?? []) {
		const entry = byEntry.get(row.entryId);
		if (entry) for (const key of voteKeys) entry.votes[key] = row.votes;
	}
	for (const row of stored.finishTimes) {
		const entry = byEntry.get(row.entryId);
		if (entry) entry.finishedAt = row.finishedAt;
	}
	for (const entry of byEntry.values()) for (const sheets of Object.values(entry.sheets)) sheets.sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
	return { entries: [...byEntry.values()] };
}
