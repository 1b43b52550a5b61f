import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankTeams, type TeamMemberTotal } from './teams';
import type { TeamRule } from './types';

let nextNumber = 1;
const member = (unit: string | null, total: number): TeamMemberTotal => {
	const number = nextNumber++;
	return { entryId: `e${number}`, number, unit, total };
};

describe('rankTeams', () => {
	it('sums the best N totals of each unit', () => {
		nextNumber = 1;
		const entries = [member('A', 9000), member('A', 7000), member('A', 8000), member('B', 8800), member('B', 8600), member(null, 9900)];
		const teams = rankTeams(entries, { size: 2, method: 'sum' });
		// A: 90 + 80 = 170 (70 not counted); B: 88 + 86 = 174
		expect(teams.map((team) => [team.unit, team.sum, team.score, team.rank, team.entryIds])).toEqual([
			['B', 17400, 17400, 1, ['e4', 'e5']],
			['A', 17000, 17000, 2, ['e1', 'e3']]
		]);
	});

	it('takes the mean of the best N, rounded half-up for display', () => {
		nextNumber = 1;
		const teams = rankTeams([member('A', 9001), member('A', 8000), member('B', 8500), member('B', 8500)], { size: 2, method: 'mean' });
		// A: (90.01 + 80) ÷ 2 = 85.005 → 85.01; B: 85.00
		expect(teams.map((team) => [team.unit, team.score, team.rank])).toEqual([
			['A', 8501, 1],
			['B', 8500, 2]
		]);
	});

	it('lists a unit with fewer than N entries as incomplete and does not rank it', () => {
		nextNumber = 1;
		const teams = rankTeams([member('A', 9900), member('B', 8000), member('B', 7000)], { size: 2, method: 'sum' });
		expect(teams.map((team) => [team.unit, team.isComplete, team.rank])).toEqual([
			['B', true, 1],
			['A', false, null]
		]);
	});

	it('separates equal team scores by the best individual total, then shares the rank', () => {
		nextNumber = 1;
		const entries = [
			member('A', 9000),
			member('A', 7000), // A: 160, best 90
			member('B', 8000),
			member('B', 8000), // B: 160, best 80
			member('C', 9000),
			member('C', 7000), // C: 160, best 90 → shares with A
			member('D', 5000),
			member('D', 5000)
		];
		expect(rankTeams(entries, { size: 2, method: 'sum' }).map((team) => [team.unit, team.rank])).toEqual([
			['A', 1],
			['C', 1],
			['B', 3],
			['D', 4]
		]);
	});

	it('ranks by the published (rounded) mean: a mean higher only below 0.01 falls to the best individual total', () => {
		nextNumber = 1;
		const entries = [
			member('A', 9001),
			member('A', 8000),
			member('A', 8500), // A: 255.01 ÷ 3 = 85.0033… → 85.00, best 90.01
			member('B', 9100),
			member('B', 8000),
			member('B', 8400) // B: 255.00 ÷ 3 = 85.00, best 91.00
		];
		// The exact means would put A first; the published scores are equal, so B's better best total wins.
		expect(rankTeams(entries, { size: 3, method: 'mean' }).map((team) => [team.unit, team.score, team.rank])).toEqual([
			['B', 8500, 1],
			['A', 8500, 2]
		]);
	});

	it('shares the rank when the published means and the best totals are equal, however the exact means differ', () => {
		nextNumber = 1;
		const entries = [member('A', 9000), member('A', 8001), member('A', 8500), member('B', 9000), member('B', 8000), member('B', 8500)];
		// A: 255.01 ÷ 3 → 85.00; B: 255.00 ÷ 3 = 85.00; both best 90.00.
		expect(rankTeams(entries, { size: 3, method: 'mean' }).map((team) => [team.unit, team.score, team.rank])).toEqual([
			['A', 8500, 1],
			['B', 8500, 1]
		]);
	});
});

const teamEntriesArbitrary = fc.array(
	fc.record({
		unit: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { nil: null }),
		// Totals close together, so published means often tie while exact means differ.
		total: fc.integer({ min: 8000, max: 8006 })
	}),
	{ maxLength: 20 }
);
const teamRuleArbitrary: fc.Arbitrary<TeamRule> = fc.record({ size: fc.integer({ min: 1, max: 4 }), method: fc.constantFrom('sum' as const, 'mean' as const) });

describe('rankTeams properties', () => {
	it('derives every rank from published numbers only: 1 + the complete teams with a better (score, best total)', () => {
		fc.assert(
			fc.property(teamEntriesArbitrary, teamRuleArbitrary, (rows, rule) => {
				const entries = rows.map((row, index) => ({ entryId: `e${index + 1}`, number: index + 1, unit: row.unit, total: row.total }));
				const teams = rankTeams(entries, rule);
				const complete = teams.filter((team) => team.isComplete);
				for (const team of teams) {
					const totals = entries.filter((entry) => entry.unit === team.unit).map((entry) => entry.total);
					const best = [...totals].sort((a, b) => b - a).slice(0, rule.size);
					const sum = best.reduce((a, b) => a + b, 0);
					// Half-up rounding written independently: ⌊(2 × sum + N) ÷ 2N⌋.
					const published = rule.method === 'sum' ? sum : Math.floor((2 * sum + best.length) / (2 * best.length));
					expect(team.score).toBe(published);
					expect(team.isComplete).toBe(best.length === rule.size);
					if (!team.isComplete) {
						expect(team.rank).toBeNull();
						continue;
					}
					const better = complete.filter((other) => other.score > team.score || (other.score === team.score && other.bestTotal > team.bestTotal));
					expect(team.rank).toBe(better.length + 1);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('never lets a mean higher only below 0.01 decide: it falls to the best total, or the rank is shared', () => {
		fc.assert(
			fc.property(fc.integer({ min: 5, max: 8 }), fc.integer({ min: 5000, max: 9000 }), (size, base) => {
				nextNumber = 1;
				const filler = (unit: string, count: number) => Array.from({ length: count }, () => member(unit, base));
				// A's exact mean is base + 1/N, B's base: both publish base. B's best total is higher → B first.
				const higherBest = rankTeams([member('A', base + 1), ...filler('A', size - 1), member('B', base + 2), member('B', base - 2), ...filler('B', size - 2)], { size, method: 'mean' });
				expect(higherBest.map((team) => [team.unit, team.score, team.rank])).toEqual([
					['B', base, 1],
					['A', base, 2]
				]);
				// A's exact mean is base + 2/N, B's base + 1/N, equal best totals: the rank is shared.
				const shared = rankTeams([member('A', base + 1), member('A', base + 1), ...filler('A', size - 2), member('B', base + 1), ...filler('B', size - 1)], { size, method: 'mean' });
				expect(shared.map((team) => [team.unit, team.score, team.rank])).toEqual([
					['A', base, 1],
					['B', base, 1]
				]);
			}),
			{ numRuns: 200 }
		);
	});
});
