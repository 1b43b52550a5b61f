import { resolveAggregation, selectCountedScores, type ResolvedAggregation } from './aggregate';
import {
	bigintArithmetic,
	FULL_SCALE,
	greatestCommonDivisor,
	leastCommonMultiple,
	numberArithmetic,
	type IntegerArithmetic
} from './decimal';
import { totalDeductions, type DeductionCounts } from './deductions';
import type { CriterionBreakdown, EntryFlag, JudgeSheetBreakdown, JudgesComponentBreakdown } from './results';
import type { AggregationLevel, JudgesComponent, SheetInput } from './types';

type Integer = number | bigint;

/**
 * A judges component made ready for exact integer scoring. With `gain_c = (w_c ÷ max_c) × L`
 * (L the least common multiple of those ratios' denominators, so every gain is whole) and
 * `D = L × Σ w_c`, a judge's score in hundredths is `R_j = 10000 × Σ_c s_jc × gain_c ÷ D`.
 */
export interface PreparedJudgesComponent {
	component: JudgesComponent;
	arithmetic: IntegerArithmetic<Integer>;
	criteria: { key: string; max: number; gain: Integer }[];
	denominator: Integer;
	aggregation: ResolvedAggregation;
	level: AggregationLevel;
	spreadThreshold: number | undefined;
}

/**
 * Prepares a judges component for a panel of at most `panelSize` sheets per entry. Every integer
 * the scorer forms is at most 3 × 10000 × panelSize × D (see `scoreJudgesComponent`), so when that
 * bound is below 2^53 plain Numbers are exact; otherwise the scorer runs on bigint.
 */
export function prepareJudgesComponent(
	component: JudgesComponent,
	panelSize: number,
	spreadThreshold?: number,
	arithmetic: 'auto' | 'bigint' = 'auto'
): PreparedJudgesComponent {
	const weights = component.criteria.map((criterion) => BigInt(criterion.weight ?? criterion.max));
	const ratios = component.criteria.map((criterion, index) => {
		const weight = weights[index] as bigint;
		const divisor = greatestCommonDivisor(weight, BigInt(criterion.max));
		return { numerator: weight / divisor, denominator: BigInt(criterion.max) / divisor };
	});
	const scale = ratios.reduce((common, ratio) => leastCommonMultiple(common, ratio.denominator), 1n);
	const denominator = scale * weights.reduce((sum, weight) => sum + weight, 0n);
	const bound = 3n * BigInt(FULL_SCALE) * BigInt(Math.max(panelSize, 1)) * denominator;
	const chosen: IntegerArithmetic<Integer> =
		arithmetic === 'auto' && bound <= BigInt(Number.MAX_SAFE_INTEGER) ? numberArithmetic : bigintArithmetic;
	return {
		component,
		arithmetic: chosen,
		criteria: component.criteria.map((criterion, index) => {
			const ratio = ratios[index] as { numerator: bigint; denominator: bigint };
			return { key: criterion.key, max: criterion.max, gain: chosen.fromInteger((ratio.numerator * scale) / ratio.denominator) };
		}),
		denominator: chosen.fromInteger(denominator),
		aggregation: resolveAggregation(component.aggregation),
		level: component.level ?? 'judge_total',
		spreadThreshold
	};
}

/**
 * Scores one entry on a judges component. Only complete sheets (every criterion 0..max in whole
 * hundredths) are aggregated; an incomplete sheet is flagged and left out, like an absent judge.
 * The component is `max(0, aggregate − Σ deductions)` rounded half-up to 0.01. A spread above the
 * round's threshold (per criterion and of R_j, on the 0–100 scale) is flagged, never corrected.
 */
export function scoreJudgesComponent(
	prepared: PreparedJudgesComponent,
	sheets: readonly SheetInput[] | undefined,
	deductionCounts: DeductionCounts | undefined
): { breakdown: JudgesComponentBreakdown; flags: EntryFlag[] } {
	const { arithmetic, denominator, component } = prepared;
	const flags: EntryFlag[] = [];
	const ordered = sheets ? [...sheets].sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0)) : [];
	const rows: JudgeSheetBreakdown[] = [];
	const complete: SheetInput[] = [];
	const sums: Integer[] = [];
	for (const sheet of ordered) {
		const sum = sumSheet(prepared, sheet);
		if (sum === null) flags.push({ code: 'incomplete_sheet', component: component.key, judgeId: sheet.judgeId });
		else {
			complete.push(sheet);
			sums.push(sum);
		}
		rows.push({
			judgeId: sheet.judgeId,
			scores: sheet.scores,
			isComplete: sum !== null,
			judgeScore: sum === null ? null : { numerator: arithmetic.multiply(arithmetic.fromInteger(FULL_SCALE), sum), denominator },
			status: sum === null ? 'incomplete' : 'counted'
		});
	}
	const { total: aggregateNumerator, counted, criteriaBreakdown } =
		prepared.level === 'judge_total' ? aggregateJudgeTotals(prepared, sums, complete, rows) : aggregateCriteria(prepared, complete);
	if (complete.length === 0) flags.push({ code: 'no_complete_sheet', component: component.key });
	if (prepared.spreadThreshold !== undefined && complete.length >= 2) flagSpreads(prepared, prepared.spreadThreshold, complete, sums, flags);

	const { items, total: totalDeduction } = totalDeductions(component.deductions ?? [], deductionCounts);
	const panelDenominator = arithmetic.multiply(arithmetic.fromInteger(Math.max(counted, 1)), denominator);
	const aggregateHundredths = arithmetic.multiply(arithmetic.fromInteger(FULL_SCALE), aggregateNumerator);
	// Deductions past the full 100 points cannot lower a score below 0 any further; capping keeps the bound.
	const deducted = arithmetic.multiply(arithmetic.fromInteger(Math.min(totalDeduction, FULL_SCALE)), panelDenominator);
	const remaining = arithmetic.subtract(aggregateHundredths, deducted);
	const value = arithmetic.compare(remaining, arithmetic.zero) <= 0 ? 0 : arithmetic.divideRoundHalfUp(remaining, panelDenominator);
	return {
		flags,
		breakdown: {
			source: 'judges',
			key: component.key,
			weight: component.weight,
			value,
			level: prepared.level,
			aggregation: prepared.aggregation,
			sheets: rows,
			criteria: criteriaBreakdown,
			aggregate: { numerator: aggregateHundredths, denominator: panelDenominator },
			deductions: items,
			totalDeduction
		}
	};
}

/** Σ_c s_jc × gain_c for a complete sheet; null when any criterion is missing, out of 0..max or not whole hundredths. */
function sumSheet(prepared: PreparedJudgesComponent, sheet: SheetInput): Integer | null {
	const { arithmetic, criteria } = prepared;
	let sum = arithmetic.zero;
	for (const criterion of criteria) {
		// Keys never name an Object.prototype property (validateScheme), so a missing mark reads as undefined.
		const score = sheet.scores[criterion.key];
		if (!Number.isSafeInteger(score) || (score as number) < 0 || (score as number) > criterion.max) return null;
		sum = arithmetic.add(sum, arithmetic.multiply(arithmetic.fromInteger(score as number), criterion.gain));
	}
	return sum;
}

interface PanelAggregate {
	/** Σ of counted Σ_c s × gain; the aggregate in hundredths is 10000 × total ÷ (counted × D). */
	total: Integer;
	counted: number;
	criteriaBreakdown: CriterionBreakdown[] | null;
}

function aggregateJudgeTotals(prepared: PreparedJudgesComponent, sums: Integer[], complete: SheetInput[], rows: JudgeSheetBreakdown[]): PanelAggregate {
	const { arithmetic } = prepared;
	const selection = selectCountedScores(sums, arithmetic.compare, prepared.aggregation);
	const statusByJudge = new Map(complete.map((sheet, index) => [sheet.judgeId, selection.status[index]]));
	for (const row of rows) row.status = statusByJudge.get(row.judgeId) ?? row.status;
	const total = selection.countedIndexes.reduce((sum: Integer, index) => arithmetic.add(sum, sums[index] as Integer), arithmetic.zero);
	return { total, counted: selection.countedIndexes.length, criteriaBreakdown: null };
}

function aggregateCriteria(prepared: PreparedJudgesComponent, complete: SheetInput[]): PanelAggregate {
	const { arithmetic } = prepared;
	let total = arithmetic.zero;
	let counted = 0;
	const criteriaBreakdown = prepared.criteria.map((criterion): CriterionBreakdown => {
		const scores = complete.map((sheet) => sheet.scores[criterion.key] as number);
		const selection = selectCountedScores(scores, (a, b) => a - b, prepared.aggregation);
		const sum = selection.countedIndexes.reduce((subtotal, index) => subtotal + (scores[index] as number), 0);
		total = arithmetic.add(total, arithmetic.multiply(arithmetic.fromInteger(sum), criterion.gain));
		counted = selection.countedIndexes.length;
		const dropped: CriterionBreakdown['dropped'] = [];
		selection.status.forEach((status, index) => {
			if (status !== 'counted') dropped.push({ judgeId: (complete[index] as SheetInput).judgeId, status });
		});
		return { criterion: criterion.key, aggregate: { numerator: sum, denominator: Math.max(counted, 1) }, dropped };
	});
	return { total, counted, criteriaBreakdown };
}

function flagSpreads(prepared: PreparedJudgesComponent, threshold: number, complete: SheetInput[], sums: Integer[], flags: EntryFlag[]): void {
	const { arithmetic, component } = prepared;
	let lowest = sums[0] as Integer;
	let highest = lowest;
	for (const sum of sums) {
		if (arithmetic.compare(sum, lowest) < 0) lowest = sum;
		if (arithmetic.compare(sum, highest) > 0) highest = sum;
	}
	// (max R − min R) > threshold  ⇔  10000 × (max Σ − min Σ) > threshold × D, all in whole numbers.
	const spread = arithmetic.multiply(arithmetic.fromInteger(FULL_SCALE), arithmetic.subtract(highest, lowest));
	if (arithmetic.compare(spread, arithmetic.multiply(arithmetic.fromInteger(threshold), prepared.denominator)) > 0)
		flags.push({ code: 'spread_over_threshold', component: component.key, criterion: null });
	for (const criterion of prepared.criteria) {
		let low = Infinity;
		let high = -Infinity;
		for (const sheet of complete) {
			const score = sheet.scores[criterion.key] as number;
			if (score < low) low = score;
			if (score > high) high = score;
		}
		// Criterion spreads are put on the 0–100 scale (Δs ÷ max × 100) so one threshold fits every criterion.
		if ((high - low) * FULL_SCALE > threshold * criterion.max)
			flags.push({ code: 'spread_over_threshold', component: component.key, criterion: criterion.key });
	}
}
