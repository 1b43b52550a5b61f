import type { Aggregation } from './types';

/** An aggregation with its defaults filled in. */
export type ResolvedAggregation =
	| { method: 'mean' }
	| { method: 'trimmed_mean'; trim: number; minJudges: number }
	| { method: 'median' };

export type ScoreStatus = 'counted' | 'dropped_low' | 'dropped_high';

/** Which of the judges' scores count: `status[i]` belongs to `values[i]`; the aggregate is Σ counted ÷ counted. */
export interface ScoreSelection {
	status: ScoreStatus[];
	countedIndexes: number[];
}

/** Fills in the defaults: trimmed mean drops 1 highest and 1 lowest once at least 5 judges are present. */
export function resolveAggregation(aggregation: Aggregation | undefined): ResolvedAggregation {
	if (!aggregation) return { method: 'mean' };
	if (aggregation.method === 'trimmed_mean') return { method: 'trimmed_mean', trim: aggregation.trim ?? 1, minJudges: aggregation.minJudges ?? 5 };
	return aggregation;
}

/**
 * Decides which judges' scores count. Mean: all. Trimmed mean (去掉最高分和最低分): with at least
 * `minJudges` present, the `trim` highest and `trim` lowest are dropped; fewer judges → plain mean.
 * Median: the middle score, or the two middle scores (averaged) for an even count.
 * Equal scores are told apart by position, so the caller orders judges (by id) to keep the choice
 * of *which* equal score was dropped deterministic; the aggregate never depends on it.
 */
export function selectCountedScores<T>(values: readonly T[], compare: (a: T, b: T) => number, aggregation: ResolvedAggregation): ScoreSelection {
	const count = values.length;
	const order = values.map((_, index) => index);
	if (aggregation.method !== 'mean') order.sort((a, b) => compare(values[a] as T, values[b] as T) || a - b);
	let low = 0;
	let high = 0;
	if (aggregation.method === 'trimmed_mean' && count >= aggregation.minJudges) {
		low = high = aggregation.trim;
	} else if (aggregation.method === 'median' && count > 0) {
		// Odd count keeps one middle score, even keeps two.
		low = high = Math.floor((count - 1) / 2);
	}
	const status = new Array<ScoreStatus>(count);
	const countedIndexes: number[] = [];
	order.forEach((valueIndex, position) => {
		if (position < low) status[valueIndex] = 'dropped_low';
		else if (position >= count - high) status[valueIndex] = 'dropped_high';
		else {
			status[valueIndex] = 'counted';
			countedIndexes.push(valueIndex);
		}
	});
	countedIndexes.sort((a, b) => a - b);
	return { status, countedIndexes };
}

/**
 * The aggregate of plain integer scores as an exact fraction (numerator ÷ denominator); an empty
 * panel aggregates to 0 ÷ 1. Example: trimmed mean of 80, 85, 90, 95, 70 → (80 + 85 + 90) ÷ 3.
 */
export function aggregateScores(values: readonly number[], aggregation: Aggregation | undefined): { numerator: number; denominator: number } {
	const { countedIndexes } = selectCountedScores(values, (a, b) => a - b, resolveAggregation(aggregation));
	if (countedIndexes.length === 0) return { numerator: 0, denominator: 1 };
	const numerator = countedIndexes.reduce((sum, index) => sum + (values[index] as number), 0);
	return { numerator, denominator: countedIndexes.length };
}
