import { describe, expect, it } from 'vitest';
import { assignTiers, countTierPlaces, type RankedTotal } from './tiers';
import type { Tier, TierLimit } from './types';

const tier = (key: string, limit: TierLimit, minimumTotal?: number): Tier => ({ key, label: { 'zh-CN': key, en: key }, limit, minimumTotal });

/** Entries e1…en with the given ranks and totals, in rank order. */
const ranked = (rows: [number, number][]): RankedTotal[] => rows.map(([rank, total], index) => ({ entryId: `e${index + 1}`, rank, total }));
const tiersOf = (assignment: ReturnType<typeof assignTiers>, count: number) => assignment.tiers.slice(0, count);

describe('tiers', () => {
	it('fills tiers by count in order', () => {
		const assignment = assignTiers(ranked([[1, 9000], [2, 8800], [3, 8600], [4, 8000], [5, 7000]]), [
			tier('first', { kind: 'count', count: 1 }),
			tier('second', { kind: 'count', count: 2 })
		]);
		expect(tiersOf(assignment, 5)).toEqual(['first', 'second', 'second', null, null]);
		expect(assignment.warnings).toEqual([]);
	});

	it('counts a share as ⌊N × share ÷ 100⌋', () => {
		expect(countTierPlaces({ kind: 'share', share: 1000 }, 10)).toBe(1); // 10 × 10 % = 1
		expect(countTierPlaces({ kind: 'share', share: 2000 }, 9)).toBe(1); // 9 × 20 % = 1.8 → 1
		expect(countTierPlaces({ kind: 'share', share: 3000 }, 9)).toBe(2); // 9 × 30 % = 2.7 → 2
		expect(countTierPlaces({ kind: 'none' }, 9)).toBe(Infinity);
		const rows = ranked(Array.from({ length: 10 }, (_, index): [number, number] => [index + 1, 9000 - index * 100]));
		const assignment = assignTiers(rows, [
			tier('first', { kind: 'share', share: 1000 }),
			tier('second', { kind: 'share', share: 2000 }),
			tier('third', { kind: 'share', share: 3000 })
		]);
		// 1 + 2 + 3 places out of 10
		expect(tiersOf(assignment, 10)).toEqual(['first', 'second', 'second', 'third', 'third', 'third', null, null, null, null]);
	});

	it('gives an unlimited tier every remaining entry that reaches its minimum', () => {
		const assignment = assignTiers(ranked([[1, 9000], [2, 8000], [3, 6500], [4, 5000]]), [
			tier('first', { kind: 'count', count: 1 }),
			tier('merit', { kind: 'none' }, 6000)
		]);
		expect(tiersOf(assignment, 4)).toEqual(['first', 'merit', 'merit', null]);
	});

	it('withholds a tier from entries below its minimum total; the places pass down', () => {
		// First: 2 places but only 90+; rank 2 has 89 so goes to second, which covers ranks ≤ 2 + 2.
		const assignment = assignTiers(ranked([[1, 9500], [2, 8900], [3, 8500], [4, 8000], [5, 7000]]), [
			tier('first', { kind: 'count', count: 2 }, 9000),
			tier('second', { kind: 'count', count: 2 })
		]);
		expect(tiersOf(assignment, 5)).toEqual(['first', 'second', 'second', 'second', null]);
	});

	it('gives every entry tied across a boundary the better tier and warns that it is over its count', () => {
		// Ranks 1, 2, 2, 4, 5: first has 2 places, but ranks 2 and 2 are tied → 3 in first.
		const assignment = assignTiers(ranked([[1, 9000], [2, 8500], [2, 8500], [4, 8000], [5, 7000]]), [
			tier('first', { kind: 'count', count: 2 }),
			tier('second', { kind: 'count', count: 2 })
		]);
		expect(tiersOf(assignment, 5)).toEqual(['first', 'first', 'first', 'second', null]);
		expect(assignment.warnings).toEqual([{ code: 'tier_over_count', tier: 'first', count: 3, limit: 2 }]);
		// e2 and e3 (rank 2) are the tie across the boundary.
		expect(assignment.isOverCount).toEqual([false, true, true, false, false]);
	});
});
