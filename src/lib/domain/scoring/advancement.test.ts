import { describe, expect, it } from 'vitest';
import { selectAdvancingEntries } from './advancement';
import type { RankedTotal } from './tiers';

// Ranks 1, 2, 3, 3, 5 with totals 90, 85, 80, 80, 70.
const ranked: RankedTotal[] = [
	{ entryId: 'e1', rank: 1, total: 9000 },
	{ entryId: 'e2', rank: 2, total: 8500 },
	{ entryId: 'e3', rank: 3, total: 8000 },
	{ entryId: 'e4', rank: 3, total: 8000 },
	{ entryId: 'e5', rank: 5, total: 7000 }
];

describe('selectAdvancingEntries', () => {
	it('takes the top N by rank', () => {
		expect(selectAdvancingEntries(ranked, { kind: 'top', count: 2 })).toEqual(['e1', 'e2']);
	});

	it('takes everyone tied at the boundary', () => {
		expect(selectAdvancingEntries(ranked, { kind: 'top', count: 3 })).toEqual(['e1', 'e2', 'e3', 'e4']);
	});

	it('takes the top p % as rank ≤ ⌊entries × p ÷ 100⌋', () => {
		// 5 × 50 % = 2.5 → 2
		expect(selectAdvancingEntries(ranked, { kind: 'top_share', share: 5000 })).toEqual(['e1', 'e2']);
		// 5 × 60 % = 3 → ranks ≤ 3, both tied entries
		expect(selectAdvancingEntries(ranked, { kind: 'top_share', share: 6000 })).toEqual(['e1', 'e2', 'e3', 'e4']);
	});

	it('takes every total reaching the minimum', () => {
		expect(selectAdvancingEntries(ranked, { kind: 'minimum_total', minimum: 8000 })).toEqual(['e1', 'e2', 'e3', 'e4']);
		expect(selectAdvancingEntries(ranked, { kind: 'minimum_total', minimum: 8001 })).toEqual(['e1', 'e2']);
	});

	it('advances nobody without a rule', () => {
		expect(selectAdvancingEntries(ranked, undefined)).toEqual([]);
	});
});
