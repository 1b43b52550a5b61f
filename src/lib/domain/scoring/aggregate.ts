import type { Aggregation } from './types';

/** An aggregation with its defaults filled in. */
export type ResolvedAggregation =
	| { method: 'mean' }
	| { method: 'trimmed_mean'; trim: number; minJudges: number }
	| { method: 'median' };

export type ScoreStatus = 'counted' | 'dropped_low' | 'dropped_high';

/** Fills in the defaults: trimmed mean drops 1 highest and 1 lowest once at least 5 judges are present. */
export function resolveAggregation(aggregation: Aggregation | undefined): ResolvedAggregation {
	if (!aggregation) return { method: 'mean' };
	if (aggregation.method === 'trimmed_mean') return { method: 'trimmed_mean', trim: aggregation.trim ?? 1, minJudges: aggregation.minJudges ?? 5 };
	return aggregation;
}

/**
 * Decides which judges' scores count: `status[i]` belongs to `values[i]`, and the aggregate is the
 * mean of the counted ones. Mean: all. Trimmed mean (去掉最高分和最低分): with at least
 * `minJudges` present, the `trim` highest and `trim` lowest are dropped; fewer judges → plain mean.
 * Median: the middle score, or the two middle scores (averaged) for an even count.
 * Only the first `count` values are read (callers may pass a reused buffer).
 * Equal scores are told apart by position, so the caller orders judges (by id) to keep the choice
 * of *which* equal score was dropped deterministic; the aggregate never depends on it.
 */
export function selectCountedScores<T>(
	values: readonly T[],
	compare: (a: T, b: T) => number,
	aggregation: ResolvedAggregation,
	count = values.length
): ScoreStatus[] {
	const order = new Array<number>(count);
	for (let index = 0; index < count; index++) order[index] = index;
	if (aggregation.method !== 'mean') sortIndexesByValue(order, values, compare);
	let low = 0;
	let high = 0;
	if (aggregation.method === 'trimmed_mean' && count >= aggregation.minJudges) {
		low = high = aggregation.trim;
	} else if (aggregation.method === 'median' && count > 0) {
		// Odd count keeps one middle score, even keeps two.
		low = high = Math.floor((count - 1) / 2);
	}
	const status = new Array<ScoreStatus>(count);
	for (let position = 0; position < count; position++)
		status[order[position] as number] = position < low ? 'dropped_low' : position >= count - high ? 'dropped_high' : 'counted';
	return status;
}

/** Insertion sort by (value, index): panels hold a handful of judges, where this beats Array#sort. */
function sortIndexesByValue<T>(order: number[], values: readonly T[], compare: (a: T, b: T) => number): void {
	for (let position = 1; position < order.length; position++) {
		const current = order[position] as number;
		let before = position - 1;
		// Indexes start ascending and the sort is stable, so equal values stay in index order.
		while (before >= 0 && compare(values[order[before] as number] as T, values[current] as T) > 0) {
			order[before + 1] = order[before] as number;
			before--;
		}
		order[before + 1] = current;
	}
}

/**
 * The aggregate of plain integer scores as an exact fraction (numerator ÷ denominator); an empty
 * panel aggregates to 0 ÷ 1. Example: trimmed mean of 80, 85, 90, 95, 70 → (80 + 85 + 90) ÷ 3.
 */
export function aggregateScores(values: readonly number[], aggregation: Aggregation | undefined): { numerator: number; denominator: number } {
	const status = selectCountedScores(values, (a, b) => a - b, resolveAggregation(aggregation));
	let numerator = 0;
	let denominator = 0;
	status.forEach((state, index) => {
		if (state !== 'counted') return;
		numerator += values[index] as number;
		denominator++;
	});
	return denominator === 0 ? { numerator: 0, denominator: 1 } : { numerator, denominator };
}
