import { resolveAggregation, type ResolvedAggregation } from './aggregate';
import { bigintArithmetic, FULL_SCALE, greatestCommonDivisor, leastCommonMultiple, numberArithmetic, type IntegerArithmetic } from './decimal';
import type { AggregationLevel, JudgesComponent } from './types';

/** A whole number: a Number on the fast path, a bigint when Numbers could not stay exact. */
export type Integer = number | bigint;

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
	/** R_j = judgeScoreFactor × Σ ÷ judgeScoreDenominator in hundredths: 10000 ÷ D reduced, so breakdowns carry small integers. */
	judgeScoreFactor: Integer;
	judgeScoreDenominator: Integer;
	aggregation: ResolvedAggregation;
	level: AggregationLevel;
	spreadThreshold: number | undefined;
	/** True when every intermediate fits a Number exactly, so the hot loop may use plain arithmetic. */
	isNumberPath: boolean;
	/** Scratch space reused entry after entry within one evaluation; nothing in it reaches a result. */
	panel: Panel;
}

/** One entry's complete sheets: judge ids, marks row by row (criteria in scheme order) and each Σ_c s × gain. */
export interface Panel {
	/** How many complete sheets the buffers below currently hold. */
	count: number;
	judgeIds: string[];
	marks: number[];
	sums: Integer[];
	/** Scratch for ordering the panel's sums without allocating per entry. */
	order: number[];
	/** Set by the value-only path: how many sheets counted, and the entry's deduction points. */
	counted: number;
	totalDeduction: number;
}

/**
 * Prepares a judges component for a panel of at most `panelSize` sheets per entry, choosing exact
 * Numbers or bigint. The bound: a sheet's Σ s × gain ≤ Σ max × gain = D; a panel's counted total
 * ≤ panelSize × D; in hundredths × 10000; deductions (capped at 10000) × counted × D are no larger;
 * rounding doubles the numerator and adds the denominator. So every integer formed is at most
 * 3 × 10000 × panelSize × D, and below 2^53 plain Numbers are exact.
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
	const common = greatestCommonDivisor(BigInt(FULL_SCALE), denominator);
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
		judgeScoreFactor: chosen.fromInteger(BigInt(FULL_SCALE) / common),
		judgeScoreDenominator: chosen.fromInteger(denominator / common),
		aggregation: resolveAggregation(component.aggregation),
		level: component.level ?? 'judge_total',
		spreadThreshold,
		isNumberPath: chosen === numberArithmetic,
		// Reusing these buffers instead of allocating per entry roughly halves garbage-collection time.
		panel: { count: 0, judgeIds: [], marks: [], sums: [], order: [], counted: 0, totalDeduction: 0 }
	};
}
