import { prepareJudgesComponent, scoreJudgesComponent } from '../scoring/judges-component';
import type { EntryFlag, RoundResult } from '../scoring/results';
import type { Hundredths, JudgesComponent, Scheme } from '../scoring/types';
import type { Ratio } from '../scoring/decimal';
import { COUNTED_SHEET_STATUSES } from './round-input';

export type SheetStatus = 'draft' | 'submitted' | 'returned' | 'locked';
/** What the head judge sees in one cell: the sheet's status, or why no sheet is expected. */
export type CellState = 'not_started' | SheetStatus | 'stood_aside' | 'absent';

export interface MatrixSheet {
	entryId: string;
	judgeId: string;
	componentKey: string;
	scores: Readonly<Record<string, number>>;
	deductions: Readonly<Record<string, number>>;
	status: SheetStatus;
	version: number;
	statusReason: string;
}

export interface MatrixCell {
	judgeId: string;
	componentKey: string;
	state: CellState;
	/** R_j on the 0–100 scale rounded to hundredths; null while the sheet is incomplete or missing. */
	judgeScore: Hundredths | null;
	version: number | null;
	/** The head judge's reason for a returned or unlocked sheet, or for an absence. */
	reason: string;
	/** This judge's own deduction tallies at the bench, by item key. */
	deductions: Record<string, number>;
}

export interface MatrixRow {
	entryId: string;
	number: number | null;
	cells: MatrixCell[];
	/** Each judges component as the engine scores it from the sheets received so far (hundredths), null without results. */
	components: Record<string, Hundredths | null>;
	/** The panel's deduction counts (what the engine uses), by component then item. */
	panelDeductions: Record<string, Record<string, number>>;
	flags: EntryFlag[];
	/** Sheets expected but not received yet, as (judge, component). */
	missing: { judgeId: string; componentKey: string }[];
}

export interface MatrixInput {
	scheme: Scheme;
	entries: readonly { entryId: string; number: number | null }[];
	judgeIds: readonly string[];
	sheets: readonly MatrixSheet[];
	standAside: readonly { entryId: string; judgeId: string }[];
	absences: readonly { entryId: string; judgeId: string; reason: string }[];
	deductionCounts: readonly { entryId: string; componentKey: string; itemKey: string; count: number }[];
	/** The engine's result over the received sheets, when the round's data could be scored. */
	result: RoundResult | null;
}

const key = (...parts: string[]) => parts.join('\u0000');

/** A ratio in hundredths rounded half-up to whole hundredths. */
export function roundRatio(ratio: Ratio): Hundredths {
	const numerator = BigInt(ratio.numerator);
	const denominator = BigInt(ratio.denominator);
	return Number((2n * numerator + denominator) / (2n * denominator));
}

/** One judge's R_j for a sheet, by the engine's own formula; null when a criterion is missing or out of range. */
export function judgeScoreOf(component: JudgesComponent, scores: Readonly<Record<string, number>>): Hundredths | null {
	const prepared = prepareJudgesComponent(component, 1);
	const [row] = scoreJudgesComponent(prepared, [{ judgeId: 'sheet', scores }], undefined, []).sheets;
	return row?.judgeScore ? roundRatio(row.judgeScore) : null;
}

export function judgesComponents(scheme: Scheme): JudgesComponent[] {
	return scheme.components.filter((component): component is JudgesComponent => component.source === 'judges');
}

/**
 * The live matrix: entries × scoring judges × judges components, each cell with the sheet's state and
 * R_j; judges who stand aside or were marked absent are shown so, not as missing. Rows carry the
 * engine's component values and flags (when it could score the round) and the sheets still missing.
 */
export function buildMatrix(input: MatrixInput): MatrixRow[] {
	const components = judgesComponents(input.scheme);
	const sheets = new Map(input.sheets.map((sheet) => [key(sheet.entryId, sheet.judgeId, sheet.componentKey), sheet]));
	const aside = new Set(input.standAside.map((row) => key(row.entryId, row.judgeId)));
	const absent = new Map(input.absences.map((row) => [key(row.entryId, row.judgeId), row.reason]));
	const results = new Map((input.result?.entries ?? []).map((entry) => [entry.entryId, entry]));
	return input.entries.map((entry) => {
		const cells: MatrixCell[] = [];
		const missing: MatrixRow['missing'] = [];
		for (const judgeId of input.judgeIds) {
			for (const component of components) {
				const sheet = sheets.get(key(entry.entryId, judgeId, component.key));
				const absence = absent.get(key(entry.entryId, judgeId));
				const state: CellState = aside.has(key(entry.entryId, judgeId)) ? 'stood_aside' : absence !== undefined ? 'absent' : (sheet?.status ?? 'not_started');
				if (!['stood_aside', 'absent', ...COUNTED_SHEET_STATUSES].includes(state)) missing.push({ judgeId, componentKey: component.key });
				cells.push({
					judgeId,
					componentKey: component.key,
					state,
					judgeScore: sheet ? judgeScoreOf(component, sheet.scores) : null,
					version: sheet?.version ?? null,
					reason: absence ?? sheet?.statusReason ?? '',
					deductions: { ...(sheet?.deductions ?? {}) }
				});
			}
		}
		const result = results.get(entry.entryId);
		const panelDeductions: Record<string, Record<string, number>> = {};
		for (const row of input.deductionCounts) if (row.entryId === entry.entryId) (panelDeductions[row.componentKey] ??= {})[row.itemKey] = row.count;
		return {
			entryId: entry.entryId,
			number: entry.number,
			cells,
			components: Object.fromEntries(input.scheme.components.map((component) => [component.key, result?.components[component.key] ?? null])),
			panelDeductions,
			flags: result?.flags ?? [],
			missing
		};
	});
}
