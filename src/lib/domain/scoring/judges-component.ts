import { FULL_SCALE } from './decimal';
import { sumDeductions, totalDeductions, type DeductionCounts } from './deductions';
import { aggregateCriteria, aggregateJudgeTotals, flagSpreads, orderByJudge, readSheet, sumCountedJudgeTotals } from './judges-panel';
import type { Integer, PreparedJudgesComponent } from './judges-scale';
import type { EntryFlag, JudgeSheetBreakdown, JudgesComponentBreakdown } from './results';
import type { SheetInput } from './types';

export { prepareJudgesComponent, type PreparedJudgesComponent } from './judges-scale';

/**
 * Scores one entry on a judges component. Only complete sheets (every criterion 0..max in whole
 * hundredths) are aggregated; an incomplete sheet is flagged and left out, like an absent judge.
 * The component is `max(0, aggregate − Σ deductions)` rounded half-up to 0.01. A spread above the
 * round's threshold (per criterion and of R_j, on the 0–100 scale) is flagged, never corrected.
 * Flags are appended to `flags`.
 */
export function scoreJudgesComponent(
	prepared: PreparedJudgesComponent,
	sheets: readonly SheetInput[] | undefined,
	deductionCounts: DeductionCounts | undefined,
	flags: EntryFlag[]
): JudgesComponentBreakdown {
	const { arithmetic, component, judgeScoreFactor, judgeScoreDenominator } = prepared;
	const ordered = orderByJudge(sheets ?? []);
	const panel = prepared.panel;
	panel.count = 0;
	const rows = new Array<JudgeSheetBreakdown>(ordered.length);
	for (let index = 0; index < ordered.length; index++) {
		const sheet = ordered[index] as SheetInput;
		const sum = readSheet(prepared, sheet, panel);
		if (sum === null) flags.push({ code: 'incomplete_sheet', component: component.key, judgeId: sheet.judgeId });
		rows[index] = {
			judgeId: sheet.judgeId,
			scores: sheet.scores,
			isComplete: sum !== null,
			judgeScore: sum === null ? null : { numerator: arithmetic.multiply(judgeScoreFactor, sum), denominator: judgeScoreDenominator },
			status: sum === null ? 'incomplete' : 'counted'
		};
	}
	const { total: aggregateNumerator, counted, criteriaBreakdown } =
		prepared.level === 'judge_total' ? aggregateJudgeTotals(prepared, panel, rows) : aggregateCriteria(prepared, panel);
	if (panel.count === 0) flags.push({ code: 'no_complete_sheet', component: component.key });
	if (prepared.spreadThreshold !== undefined && panel.count >= 2) flagSpreads(prepared, prepared.spreadThreshold, panel, flags);

	const { items, total: totalDeduction } = totalDeductions(component.deductions ?? [], deductionCounts);
	const value = componentValue(prepared, aggregateNumerator, counted, totalDeduction);
	return {
		source: 'judges',
		key: component.key,
		weight: component.weight,
		value,
		level: prepared.level,
		aggregation: prepared.aggregation,
		sheets: rows,
		criteria: criteriaBreakdown,
		aggregate: {
			numerator: arithmetic.multiply(judgeScoreFactor, aggregateNumerator),
			denominator: arithmetic.multiply(arithmetic.fromInteger(Math.max(counted, 1)), judgeScoreDenominator)
		},
		deductions: items,
		totalDeduction
	};
}

/**
 * The same component value and flags as `scoreJudgesComponent`, without building the breakdown: the
 * engine's hot path. The entry's deduction points are left in `prepared.panel.totalDeduction`.
 */
export function scoreJudgesValue(
	prepared: PreparedJudgesComponent,
	sheets: readonly SheetInput[] | undefined,
	deductionCounts: DeductionCounts | undefined,
	flags: EntryFlag[]
): number {
	const { component } = prepared;
	const ordered = orderByJudge(sheets ?? []);
	const panel = prepared.panel;
	panel.count = 0;
	for (let index = 0; index < ordered.length; index++) {
		const sheet = ordered[index] as SheetInput;
		if (readSheet(prepared, sheet, panel) === null) flags.push({ code: 'incomplete_sheet', component: component.key, judgeId: sheet.judgeId });
	}
	let total: Integer;
	let counted: number;
	if (prepared.level === 'judge_total') {
		total = sumCountedJudgeTotals(prepared, panel);
		counted = panel.counted;
	} else {
		({ total, counted } = aggregateCriteria(prepared, panel));
	}
	if (panel.count === 0) flags.push({ code: 'no_complete_sheet', component: component.key });
	if (prepared.spreadThreshold !== undefined && panel.count >= 2) flagSpreads(prepared, prepared.spreadThreshold, panel, flags);
	const totalDeduction = sumDeductions(component.deductions ?? [], deductionCounts);
	panel.totalDeduction = totalDeduction;
	return componentValue(prepared, total, counted, totalDeduction);
}

/** `max(0, aggregate − Σ deductions)` in hundredths, rounded half-up; the aggregate is 10000 × total ÷ (counted × D). */
function componentValue(prepared: PreparedJudgesComponent, aggregateNumerator: Integer, counted: number, totalDeduction: number): number {
	const { arithmetic, denominator } = prepared;
	if (prepared.isNumberPath) {
		// The same arithmetic on plain Numbers, proven exact by prepareJudgesComponent's bound.
		const panelDenominator = Math.max(counted, 1) * (denominator as number);
		const remaining = FULL_SCALE * (aggregateNumerator as number) - Math.min(totalDeduction, FULL_SCALE) * panelDenominator;
		return remaining <= 0 ? 0 : arithmetic.divideRoundHalfUp(remaining, panelDenominator);
	}
	const panelDenominator = arithmetic.multiply(arithmetic.fromInteger(Math.max(counted, 1)), denominator);
	const aggregateHundredths = arithmetic.multiply(arithmetic.fromInteger(FULL_SCALE), aggregateNumerator);
	// Deductions past the full 100 points cannot lower a score below 0 any further; capping keeps the bound.
	const deducted = arithmetic.multiply(arithmetic.fromInteger(Math.min(totalDeduction, FULL_SCALE)), panelDenominator);
	const remaining = arithmetic.subtract(aggregateHundredths, deducted);
	return arithmetic.compare(remaining, arithmetic.zero) <= 0 ? 0 : arithmetic.divideRoundHalfUp(remaining, panelDenominator);
}
