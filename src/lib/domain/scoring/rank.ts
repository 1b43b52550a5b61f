import type { TieBreakOutcome } from './results';
import type { Hundredths, TieBreakRule } from './types';

/** What ranking needs to know about one entry. */
export interface RankingCandidate {
	entryId: string;
	number: number;
	total: Hundredths;
	/** Rounded component scores by key. */
	components: Readonly<Record<string, Hundredths>>;
	totalDeduction: Hundredths;
	finishedAt?: number;
}

export interface RankedPlace {
	entryId: string;
	/** The entry's position in the candidates given. */
	index: number;
	rank: number;
	tieBreak: TieBreakOutcome | null;
}

/**
 * Turns a tie-break rule into a "higher is better" number: a higher rounded component, fewer
 * deduction points, an earlier finish. An entry without a finish time loses to any that has one.
 */
function readTieValue(candidate: RankingCandidate, rule: TieBreakRule): number {
	if (rule === 'fewer_deductions') return -candidate.totalDeduction;
	if (rule === 'earlier_finish') return Number.isFinite(candidate.finishedAt) ? -(candidate.finishedAt as number) : -Infinity;
	return candidate.components[rule.slice('component:'.length)] ?? 0;
}

/**
 * Ranks entries by total, highest first. Equal totals are separated by the scheme's tie-break rules
 * in order; entries still equal share a rank (competition ranking 1, 2, 2, 4) and are listed by
 * contestant number. Never an arbitrary order: the result does not depend on the input order.
 */
export function rankEntries(candidates: readonly RankingCandidate[], rules: readonly TieBreakRule[]): RankedPlace[] {
	const count = candidates.length;
	const width = rules.length + 1;
	// One row per entry: the total, then each rule's "higher is better" value.
	const keys = new Float64Array(count * width);
	candidates.forEach((candidate, index) => {
		keys[index * width] = candidate.total;
		rules.forEach((rule, column) => (keys[index * width + column + 1] = readTieValue(candidate, rule)));
	});
	const order = candidates.map((_, index) => index);
	order.sort((a, b) => {
		const first = candidates[a] as RankingCandidate;
		const second = candidates[b] as RankingCandidate;
		return compareRows(keys, width, a, b, width) || first.number - second.number || compareText(first.entryId, second.entryId);
	});
	// blockSizes[level][position]: how many entries agree on the total and the first `level` rules.
	const blockSizes = Array.from({ length: width }, (_, level) => measureBlocks(keys, width, order, level + 1));
	const places: RankedPlace[] = [];
	order.forEach((index, position) => {
		const previous = places[position - 1];
		const isEqualToPrevious = previous !== undefined && compareRows(keys, width, index, order[position - 1] as number, width) === 0;
		const rank = isEqualToPrevious ? previous.rank : position + 1;
		places.push({ entryId: (candidates[index] as RankingCandidate).entryId, index, rank, tieBreak: describeTieBreak(blockSizes, position, rules) });
	});
	return places;
}

function describeTieBreak(blockSizes: number[][], position: number, rules: readonly TieBreakRule[]): TieBreakOutcome | null {
	if ((blockSizes[0]?.[position] ?? 1) === 1) return null;
	const rulesUsed: TieBreakRule[] = [];
	for (let level = 1; level <= rules.length; level++) {
		rulesUsed.push(rules[level - 1] as TieBreakRule);
		if (blockSizes[level]?.[position] === 1) return { rulesUsed, isRankShared: false };
	}
	return { rulesUsed, isRankShared: true };
}

/** Sizes of runs of entries (in ranking order) equal on their first `length` key values; sorting makes runs contiguous. */
function measureBlocks(keys: Float64Array, width: number, order: readonly number[], length: number): number[] {
	const sizes = new Array<number>(order.length);
	let start = 0;
	for (let position = 1; position <= order.length; position++) {
		if (position < order.length && compareRows(keys, width, order[position] as number, order[start] as number, length) === 0) continue;
		sizes.fill(position - start, start, position);
		start = position;
	}
	return sizes;
}

/** Orders two entries' key rows descending (higher first), over the first `length` values. */
function compareRows(keys: Float64Array, width: number, a: number, b: number, length: number): number {
	for (let column = 0; column < length; column++) {
		const difference = (keys[b * width + column] as number) - (keys[a * width + column] as number);
		// Two missing finish times are both −∞: their difference is NaN, and they are equal.
		if (difference !== 0 && !Number.isNaN(difference)) return difference;
	}
	return 0;
}

export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
