import { describe, expect, it } from 'vitest';
import { rankEntries, type RankingCandidate } from './rank';
import type { TieBreakRule } from './types';

function candidate(number: number, total: number, extra: Partial<RankingCandidate> = {}): RankingCandidate {
	return { entryId: `e${number}`, number, total, components: {}, totalDeduction: 0, ...extra };
}

const ranks = (places: ReturnType<typeof rankEntries>) => places.map((place) => [place.entryId, place.rank]);

describe('rankEntries', () => {
	it('ranks by total, highest first', () => {
		expect(ranks(rankEntries([candidate(1, 7000), candidate(2, 9000), candidate(3, 8000)], []))).toEqual([
			['e2', 1],
			['e3', 2],
			['e1', 3]
		]);
	});

	it('shares ranks when totals stay equal (1, 2, 2, 4), listing equals by number', () => {
		const places = rankEntries([candidate(4, 8000), candidate(2, 8000), candidate(1, 9000), candidate(3, 7000)], []);
		expect(ranks(places)).toEqual([
			['e1', 1],
			['e2', 2],
			['e4', 2],
			['e3', 4]
		]);
		expect(places[1]?.tieBreak).toEqual({ rulesUsed: [], isRankShared: true });
		expect(places[0]?.tieBreak).toBeNull();
	});

	it.each<[string, TieBreakRule[], RankingCandidate[], string[]]>([
		[
			'component:<key> puts the higher rounded component first',
			['component:practical'],
			[candidate(1, 8000, { components: { practical: 8200 } }), candidate(2, 8000, { components: { practical: 8500 } })],
			['e2', 'e1']
		],
		[
			'fewer_deductions puts the smaller total deduction first',
			['fewer_deductions'],
			[candidate(1, 8000, { totalDeduction: 400 }), candidate(2, 8000, { totalDeduction: 200 })],
			['e2', 'e1']
		],
		[
			'earlier_finish puts the earlier finish time first',
			['earlier_finish'],
			[candidate(1, 8000, { finishedAt: 3600 }), candidate(2, 8000, { finishedAt: 3500 })],
			['e2', 'e1']
		],
		[
			'earlier_finish puts an entry without a finish time last',
			['earlier_finish'],
			[candidate(1, 8000), candidate(2, 8000, { finishedAt: 99999 })],
			['e2', 'e1']
		],
		[
			'the first rule that separates decides, even if a later one disagrees',
			['fewer_deductions', 'earlier_finish'],
			[candidate(1, 8000, { totalDeduction: 0, finishedAt: 900 }), candidate(2, 8000, { totalDeduction: 100, finishedAt: 100 })],
			['e1', 'e2']
		],
		[
			'a later rule decides when earlier ones are equal',
			['component:practical', 'fewer_deductions'],
			[
				candidate(1, 8000, { components: { practical: 8000 }, totalDeduction: 300 }),
				candidate(2, 8000, { components: { practical: 8000 }, totalDeduction: 100 })
			],
			['e2', 'e1']
		],
		[
			'tie-breaks never reorder different totals',
			['fewer_deductions'],
			[candidate(1, 7999, { totalDeduction: 0 }), candidate(2, 8000, { totalDeduction: 900 })],
			['e2', 'e1']
		]
	])('%s', (_, rules, candidates, expectedOrder) => {
		const places = rankEntries(candidates, rules);
		expect(places.map((place) => place.entryId)).toEqual(expectedOrder);
		expect(places.map((place) => place.rank)).toEqual([1, 2]);
	});

	it('reports which rules were used and whether the rank is still shared', () => {
		const rules: TieBreakRule[] = ['component:practical', 'fewer_deductions'];
		const places = rankEntries(
			[
				candidate(1, 8000, { components: { practical: 9000 } }),
				candidate(2, 8000, { components: { practical: 8000 }, totalDeduction: 100 }),
				candidate(3, 8000, { components: { practical: 8000 }, totalDeduction: 100 }),
				candidate(4, 8000, { components: { practical: 8000 }, totalDeduction: 0 }),
				candidate(5, 6000)
			],
			rules
		);
		expect(places.map((place) => [place.entryId, place.rank, place.tieBreak])).toEqual([
			['e1', 1, { rulesUsed: ['component:practical'], isRankShared: false }],
			['e4', 2, { rulesUsed: ['component:practical', 'fewer_deductions'], isRankShared: false }],
			['e2', 3, { rulesUsed: ['component:practical', 'fewer_deductions'], isRankShared: true }],
			['e3', 3, { rulesUsed: ['component:practical', 'fewer_deductions'], isRankShared: true }],
			['e5', 5, null]
		]);
	});
});
