import { describe, expect, it } from 'vitest';
import { rankTeams, type TeamMemberTotal } from './teams';

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
});
