import { FULL_SCALE, floorDivide } from './decimal';
import type { RankedTotal } from './tiers';
import type { AdvancementRule } from './types';

/**
 * Whether an entry goes through to the next round: top N (rank ≤ N), top p % (rank ≤
 * ⌊entries × p ÷ 100⌋), or a total reaching the minimum. Entries tied at the boundary share a rank,
 * so they all advance. `rankedCount` is the number of ranked entries in the round.
 */
export function isAdvancing(entry: RankedTotal, rule: AdvancementRule | undefined, rankedCount: number): boolean {
	if (!rule) return false;
	if (rule.kind === 'top') return entry.rank <= rule.count;
	if (rule.kind === 'top_share') return entry.rank <= floorDivide(rankedCount * rule.share, FULL_SCALE);
	return entry.total >= rule.minimum;
}

/** Picks the entries that go through to the next round (see `isAdvancing`), as ids in the order given (rank order). */
export function selectAdvancingEntries(ranked: readonly RankedTotal[], rule: AdvancementRule | undefined): string[] {
	return ranked.filter((entry) => isAdvancing(entry, rule, ranked.length)).map((entry) => entry.entryId);
}
