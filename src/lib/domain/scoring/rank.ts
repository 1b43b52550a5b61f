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
	const keyed = candidates.map((candidate) => ({ candidate, key: [candidate.total, ...rules.map((rule) => readTieValue(candidate, rule))] }));
	keyed.sort((a, b) => compareKeys(a.key, b.key) || a.candidate.number - b.candidate.number || compareText(a.candidate.entryId, b.candidate.entryId));
	const keys = keyed.map((item) => item.key);
	// blockSizes[level][i]: how many entries agree with entry i on the total and the first `level` rules.
	const blockSizes = Array.from({ length: rules.length + 1 }, (_, level) => measureBlocks(keys, level + 1));
	const places: RankedPlace[] = [];
	keyed.forEach((item, position) => {
		const previous = places[position - 1];
		const isEqualToPrevious = previous !== undefined && compareKeys(item.key, keys[position - 1] as number[]) === 0;
		const rank = isEqualToPrevious ? previous.rank : position + 1;
		places.push({ entryId: item.candidate.entryId, rank, tieBreak: describeTieBreak(blockSizes, position, rules) });
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

/** Sizes of runs of keys equal on their first `length` values (keys are sorted, so runs are contiguous). */
function measureBlocks(keys: readonly number[][], length: number): number[] {
	const sizes = new Array<number>(keys.length);
	let start = 0;
	for (let index = 1; index <= keys.length; index++) {
		if (index < keys.length && compareKeys(keys[index] as number[], keys[start] as number[], length) === 0) continue;
		sizes.fill(index - start, start, index);
		start = index;
	}
	return sizes;
}

/** Orders keys descending (higher first), over their first `length` values. */
function compareKeys(a: readonly number[], b: readonly number[], length = a.length): number {
	for (let index = 0; index < length; index++) {
		const difference = (b[index] as number) - (a[index] as number);
		if (difference !== 0 && !Number.isNaN(difference)) return difference;
	}
	return 0;
}

export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
