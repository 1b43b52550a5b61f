import { FULL_SCALE, floorDivide } from './decimal';
import type { RankedTotal } from './tiers';
import type { AdvancementRule } from './types';

/**
 * Picks the entries that go through to the next round: the top N (rank ≤ N), the top p %
 * (rank ≤ ⌊entries × p ÷ 100⌋), or everyone whose total reaches a minimum. Entries tied at the
 * boundary share a rank, so they all advance. Returns entry ids in the order given (rank order).
 */
export function selectAdvancingEntries(ranked: readonly RankedTotal[], rule: AdvancementRule | undefined): string[] {
	if (!rule) return [];
	const isAdvancing = (entry: RankedTotal): boolean => {
		if (rule.kind === 'top') return entry.rank <= rule.count;
		if (rule.kind === 'top_share') return entry.rank <= floorDivide(ranked.length * rule.share, FULL_SCALE);
		return entry.total >= rule.minimum;
	};
	return ranked.filter(isAdvancing).map((entry) => entry.entryId);
}
