import { describe, expect, it } from 'vitest';
import { evaluateRound } from './evaluate';
import { CRAFTSMAN_AWARD_TEMPLATE, SKILLS_CONTEST_TEMPLATE, WORLDSKILLS_TEMPLATE } from './templates';
import type { EntryInput, Scheme, SheetInput } from './types';
import { InvalidRoundInputError } from './validate-round';
import { InvalidSchemeError } from './validate-scheme';

const expertAndVote: Scheme = {
	components: [
		{ key: 'expert', source: 'judges', weight: 9000, aggregation: { method: 'mean' }, criteria: [{ key: 'overall', max: 10000 }] },
		{ key: 'vote', source: 'public_vote', weight: 1000 }
	],
	tieBreaks: ['component:expert'],
	advancement: { kind: 'top', count: 2 }
};

const panel = (...scores: number[]): SheetInput[] => scores.map((overall, index) => ({ judgeId: `j${index + 1}`, scores: { overall } }));

describe('evaluateRound', () => {
	it('scores expert 90 % + public vote 10 % and breaks the tie on the expert score', () => {
		// E1: experts 90, 92, 94 → 92.00; votes 300 of top 600 → 50.00; T = 82.8 + 5 = 87.80
		// E2: experts 95, 95, 96 → 95.333… → 95.33; votes 120 → 20.00; T = 85.797 + 2 = 87.797 → 87.80
		// E3: experts 88, 89, 90 → 89.00; votes 600 → 100.00; T = 80.1 + 10 = 90.10
		const entries: EntryInput[] = [
			{ id: 'E1', number: 1, sheets: { expert: panel(9000, 9200, 9400) }, votes: { vote: 300 } },
			{ id: 'E2', number: 2, sheets: { expert: panel(9500, 9500, 9600) }, votes: { vote: 120 } },
			{ id: 'E3', number: 3, sheets: { expert: panel(8800, 8900, 9000) }, votes: { vote: 600 } }
		];
		const result = evaluateRound(expertAndVote, { entries });
		expect(result.entries.map((entry) => [entry.entryId, entry.components, entry.total, entry.rank])).toEqual([
			['E3', { expert: 8900, vote: 10000 }, 9010, 1],
			['E2', { expert: 9533, vote: 2000 }, 8780, 2],
			['E1', { expert: 9200, vote: 5000 }, 8780, 3]
		]);
		expect(result.entries[1]?.breakdown.tieBreak).toEqual({ rulesUsed: ['component:expert'], isRankShared: false });
		expect(result.entries[1]?.breakdown.components[1]).toEqual({
			source: 'public_vote',
			key: 'vote',
			weight: 1000,
			value: 2000,
			normalisation: 'top',
			votes: 120,
			reference: 600
		});
		expect(result.advancing).toEqual(['E3', 'E2']);
		expect(result.entries.map((entry) => entry.advances)).toEqual([true, true, false]);
	});

	it('scores theory 20 % + practical 80 % with five judges trimmed and deductions', () => {
		const scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
		// Practical criteria max 20 + 35 + 20 + 15 + 10. R_j = the sum of the marks.
		const marks = (total: number) => ({ process: 2000, precision: total - 6500, surface: 2000, completeness: 1500, safety: 1000 });
		const sheets = [8000, 9000, 7500, 8550, 9800].map((total, index) => ({ judgeId: `j${index + 1}`, scores: marks(total) }));
		const result = evaluateRound(scheme, {
			entries: [{ id: 'a', number: 7, unit: 'Works No. 1', entered: { theory: 8650 }, sheets: { practical: sheets }, deductions: { practical: { defect: 3 } } }]
		});
		// Practical: drop 98 and 75 → 255.5 ÷ 3 = 85.1666…, minus 3 × 2 → 79.1666… → 79.17
		// Total: 0.2 × 86.50 + 0.8 × 79.17 = 17.30 + 63.336 = 80.636 → 80.64
		const [entry] = result.entries;
		expect(entry?.components).toEqual({ theory: 8650, practical: 7917 });
		expect(entry?.total).toBe(8064);
		expect(entry?.breakdown.totalDeduction).toBe(600);
		// Spreads above the template's 20: R_j 98 − 75 = 23; precision (33 − 10) ÷ 35 × 100 = 65.71.
		expect(entry?.flags).toEqual([
			{ code: 'spread_over_threshold', component: 'practical', criterion: null },
			{ code: 'spread_over_threshold', component: 'practical', criterion: 'precision' }
		]);
	});

	it('scores the WorldSkills template: measurement marks entered, judgement 0–3 by three judges weighted by marks', () => {
		const scheme = WORLDSKILLS_TEMPLATE.rounds[0]!.scheme;
		const aspects = (finish: number, symmetry: number, proportion: number, detail: number, overall: number) => ({
			finish: finish * 100,
			symmetry: symmetry * 100,
			proportion: proportion * 100,
			detail: detail * 100,
			overall_impression: overall * 100
		});
		const sheets = [
			{ judgeId: 'expert-a', scores: aspects(3, 3, 3, 3, 3) },
			{ judgeId: 'expert-b', scores: aspects(2, 2, 2, 2, 2) },
			{ judgeId: 'expert-c', scores: aspects(3, 3, 3, 2, 2) }
		];
		const [entry] = evaluateRound(scheme, { entries: [{ id: 'w', number: 1, entered: { measurement: 4550 }, sheets: { judgement: sheets } }] }).entries;
		// Measurement 45.5 of 60 marks → 75.8333… → 75.83.
		// Judgement marks 10, 8, 7, 8, 7 (40): R_a = 100; R_b = 66.666…; R_c = (10 + 8 + 7 + 8×2/3 + 7×2/3) ÷ 40 × 100 = 87.5
		// mean = (100 + 66.666… + 87.5) ÷ 3 = 84.7222… → 84.72; T = 0.6 × 75.83 + 0.4 × 84.72 = 45.498 + 33.888 = 79.386 → 79.39
		expect(entry?.components).toEqual({ measurement: 7583, judgement: 8472 });
		expect(entry?.total).toBe(7939);
		// No spread above 50 (a difference of 1 on 0–3 is 33.33).
		expect(entry?.flags).toEqual([]);
	});

	it('flags a missing entered value and counts it as 0', () => {
		const scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
		const result = evaluateRound(scheme, { entries: [{ id: 'a', number: 1 }] });
		expect(result.entries[0]?.total).toBe(0);
		expect(result.entries[0]?.flags).toEqual([
			{ code: 'missing_entered_value', component: 'theory' },
			{ code: 'no_complete_sheet', component: 'practical' }
		]);
	});

	it('awards 12 craftsman and 9 nomination places, flagging a tie across the boundary', () => {
		const scheme = CRAFTSMAN_AWARD_TEMPLATE.rounds[1]!.scheme;
		const marks = (score: number) => ({ professional_ethics: score, craft_expertise: score, outstanding_skill: score, leadership: score, contribution: score });
		// Candidate n scores (100 − n)% on every criterion; candidates 12 and 13 are made equal.
		const entries: EntryInput[] = Array.from({ length: 25 }, (_, index) => {
			const number = index + 1;
			const percent = number === 13 ? 88 : 100 - number;
			const scores = Object.fromEntries(Object.entries(marks(0)).map(([key]) => [key, 0]));
			const criteria = (scheme.components[0] as Extract<Scheme['components'][number], { source: 'judges' }>).criteria;
			for (const criterion of criteria) scores[criterion.key] = (criterion.max * percent) / 100;
			return { id: `c${number}`, number, sheets: { expert: ['a', 'b', 'c', 'd', 'e'].map((judgeId) => ({ judgeId, scores })) } };
		});
		const result = evaluateRound(scheme, { entries });
		const tierOf = (id: string) => result.entries.find((entry) => entry.entryId === id)?.tier;
		expect(result.entries.filter((entry) => entry.tier === 'craftsman')).toHaveLength(13);
		expect(tierOf('c12')).toBe('craftsman');
		expect(tierOf('c13')).toBe('craftsman');
		// Nomination covers ranks ≤ 21: c14…c21 → 8 places left after the tie.
		expect(result.entries.filter((entry) => entry.tier === 'nomination').map((entry) => entry.number)).toEqual([14, 15, 16, 17, 18, 19, 20, 21]);
		expect(result.warnings).toEqual([{ code: 'tier_over_count', tier: 'craftsman', count: 13, limit: 12 }]);
		expect(result.entries.find((entry) => entry.entryId === 'c13')?.flags).toEqual([{ code: 'tier_over_count', tier: 'craftsman' }]);
	});

	it('builds the breakdown on first read, and it reads, serialises and spreads like a plain property', () => {
		const entries: EntryInput[] = [
			{ id: 'E1', number: 1, sheets: { expert: [...panel(9000, 9200), { judgeId: 'j3', scores: {} }] }, votes: { vote: 300 } },
			{ id: 'E2', number: 2, sheets: { expert: panel(9500, 9500, 9600) }, votes: { vote: 120 } }
		];
		const [first] = evaluateRound(expertAndVote, { entries }).entries.filter((entry) => entry.entryId === 'E1');
		const flagsBefore = structuredClone(first!.flags);
		expect(Object.keys(first!)).toContain('breakdown');
		const expert = first!.breakdown.components[0];
		expect(expert).toMatchObject({ key: 'expert', value: 9100, sheets: [{ judgeId: 'j1' }, { judgeId: 'j2' }, { judgeId: 'j3', status: 'incomplete' }] });
		// Reading the breakdown raises no flag twice and returns the same object every time.
		expect(first!.flags).toEqual(flagsBefore);
		expect(first!.flags).toEqual([{ code: 'incomplete_sheet', component: 'expert', judgeId: 'j3' }]);
		expect(first!.breakdown).toBe(first!.breakdown);
		expect(JSON.parse(JSON.stringify(first)).breakdown.components[0].value).toBe(9100);
		expect({ ...first! }.breakdown).toBe(first!.breakdown);
	});

	it('ranks teams when the scheme asks for them', () => {
		const scheme: Scheme = { components: [{ key: 'score', source: 'entered', weight: 10000 }], teams: { size: 2, method: 'sum' } };
		const entries: EntryInput[] = [
			{ id: 'a', number: 1, unit: 'North', entered: { score: 9000 } },
			{ id: 'b', number: 2, unit: 'North', entered: { score: 8000 } },
			{ id: 'c', number: 3, unit: 'South', entered: { score: 9500 } }
		];
		expect(evaluateRound(scheme, { entries }).teams.map((team) => [team.unit, team.sum, team.rank])).toEqual([
			['North', 17000, 1],
			['South', 9500, null]
		]);
	});

	it('refuses a scheme whose weights do not total 100 %', () => {
		const scheme: Scheme = { components: [{ key: 'score', source: 'entered', weight: 9000 }] };
		expect(() => evaluateRound(scheme, { entries: [] })).toThrow(InvalidSchemeError);
		try {
			evaluateRound(scheme, { entries: [] });
		} catch (error) {
			expect((error as InvalidSchemeError).issues).toEqual([{ path: ['components'], code: 'weights_not_100' }]);
		}
	});

	it('refuses ambiguous round data', () => {
		const entries: EntryInput[] = [
			{ id: 'a', number: 1, sheets: { expert: [...panel(9000), ...panel(8000)] }, votes: { vote: -1 } },
			{ id: 'b', number: 1 }
		];
		try {
			evaluateRound(expertAndVote, { entries });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(InvalidRoundInputError);
			expect((error as InvalidRoundInputError).issues.map((issue) => issue.code)).toEqual([
				'duplicate_judge_sheet',
				'vote_count_invalid',
				'duplicate_entry_number'
			]);
		}
	});
});
