import { describe, expect, it } from 'vitest';
import { bigintArithmetic, formatRatio, numberArithmetic } from './decimal';
import { prepareJudgesComponent, scoreJudgesComponent } from './judges-component';
import type { EntryFlag } from './results';
import type { JudgesComponent, SheetInput } from './types';

const practical: JudgesComponent = {
	key: 'practical',
	source: 'judges',
	weight: 8000,
	aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
	criteria: [
		{ key: 'quality', max: 6000 },
		{ key: 'safety', max: 4000 }
	],
	deductions: [{ key: 'defect', points: 200 }]
};

const sheet = (judgeId: string, scores: SheetInput['scores']): SheetInput => ({ judgeId, scores });

/** Five judges whose R_j are 80, 90, 75, 85.5 and 98 (criteria maxes 60 + 40, so R_j = quality + safety). */
const fiveSheets = [
	sheet('j1', { quality: 5000, safety: 3000 }),
	sheet('j2', { quality: 5500, safety: 3500 }),
	sheet('j3', { quality: 4500, safety: 3000 }),
	sheet('j4', { quality: 5250, safety: 3300 }),
	sheet('j5', { quality: 6000, safety: 3800 })
];

function score(component: JudgesComponent, sheets: SheetInput[], deductions?: Record<string, number>, threshold?: number) {
	const flags: EntryFlag[] = [];
	const breakdown = scoreJudgesComponent(prepareJudgesComponent(component, sheets.length, threshold), sheets, deductions, flags);
	return { breakdown, flags };
}

describe('judges component', () => {
	it('trims five judges and subtracts per-defect deductions', () => {
		// Drop 98 (j5) and 75 (j3): (80 + 90 + 85.5) ÷ 3 = 85.1666…; three defects × 2 = 6 → 79.1666… → 79.17
		const { breakdown, flags } = score(practical, fiveSheets, { defect: 3 });
		expect(breakdown.value).toBe(7917);
		expect(formatRatio(breakdown.aggregate)).toBe('85.1667');
		expect(breakdown.sheets.map((row) => [row.judgeId, row.status])).toEqual([
			['j1', 'counted'],
			['j2', 'counted'],
			['j3', 'dropped_low'],
			['j4', 'counted'],
			['j5', 'dropped_high']
		]);
		expect(breakdown.sheets.map((row) => row.judgeScore && formatRatio(row.judgeScore, 2))).toEqual(['80.00', '90.00', '75.00', '85.50', '98.00']);
		expect(breakdown.deductions).toEqual([{ item: 'defect', count: 3, points: 200, total: 600 }]);
		expect(breakdown.totalDeduction).toBe(600);
		expect(flags).toEqual([]);
	});

	it('never goes below 0 however many deductions', () => {
		expect(score(practical, fiveSheets, { defect: 60 }).breakdown.value).toBe(0);
	});

	it('leaves an incomplete sheet out, flags it, and falls back to the mean with four judges', () => {
		const sheets = [...fiveSheets.slice(0, 4), sheet('j5', { quality: 6000 })];
		const { breakdown, flags } = score(practical, sheets);
		// Four complete sheets < min_judges 5 → plain mean (80 + 90 + 75 + 85.5) ÷ 4 = 82.625 → 82.63
		expect(breakdown.value).toBe(8263);
		expect(breakdown.sheets[4]).toMatchObject({ judgeId: 'j5', isComplete: false, status: 'incomplete', judgeScore: null });
		expect(flags).toEqual([{ code: 'incomplete_sheet', component: 'practical', judgeId: 'j5' }]);
	});

	it('treats a mark above max or with a third decimal as incomplete', () => {
		const sheets = [sheet('j1', { quality: 6001, safety: 0 }), sheet('j2', { quality: 10.5, safety: 0 }), sheet('j3', { quality: 100, safety: 100 })];
		const { breakdown, flags } = score({ ...practical, aggregation: { method: 'mean' } }, sheets);
		expect(flags.map((flag) => flag.code)).toEqual(['incomplete_sheet', 'incomplete_sheet']);
		expect(breakdown.value).toBe(200); // only j3: 1 + 1 = 2.00
	});

	it('scores 0 and flags an entry with no complete sheet', () => {
		const { breakdown, flags } = score(practical, []);
		expect(breakdown.value).toBe(0);
		expect(flags).toEqual([{ code: 'no_complete_sheet', component: 'practical' }]);
	});

	it('gives a different result at criterion level than at judge_total level on a crafted panel', () => {
		// Two criteria, max 10 each, median of three judges. R_j: j1 (10, 0) → 50, j2 (0, 10) → 50, j3 (5, 4) → 45.
		// judge_total: median(50, 50, 45) = 50. criterion: median(10, 0, 5) = 5, median(0, 10, 4) = 4 → (5 + 4) ÷ 20 × 100 = 45.
		const base: JudgesComponent = {
			key: 'panel',
			source: 'judges',
			weight: 10000,
			aggregation: { method: 'median' },
			criteria: [
				{ key: 'a', max: 1000 },
				{ key: 'b', max: 1000 }
			]
		};
		const sheets = [sheet('j1', { a: 1000, b: 0 }), sheet('j2', { a: 0, b: 1000 }), sheet('j3', { a: 500, b: 400 })];
		expect(score({ ...base, level: 'judge_total' }, sheets).breakdown.value).toBe(5000);
		const criterionLevel = score({ ...base, level: 'criterion' }, sheets).breakdown;
		expect(criterionLevel.value).toBe(4500);
		expect(criterionLevel.criteria?.map((row) => [row.criterion, formatRatio(row.aggregate, 2), row.dropped])).toEqual([
			['a', '5.00', [{ judgeId: 'j1', status: 'dropped_high' }, { judgeId: 'j2', status: 'dropped_low' }]],
			['b', '4.00', [{ judgeId: 'j1', status: 'dropped_low' }, { judgeId: 'j2', status: 'dropped_high' }]]
		]);
	});

	it('scores WorldSkills-style judgement: three judges, aspects 0–3 weighted by marks', () => {
		// Marks 10, 8, 2 (20 in all). R_1 = (3/3×10 + 2/3×8 + 1/3×2) ÷ 20 × 100 = 16 ÷ 20 × 100 = 80
		// R_2 = (2/3×10 + 2/3×8 + 2/3×2) ÷ 20 × 100 = 66.666…; R_3 = (10 + 8 + 0) ÷ 20 × 100 = 90
		// mean = (80 + 200/3 + 90) ÷ 3 = 710/9 = 78.888… → 78.89
		const judgement: JudgesComponent = {
			key: 'judgement',
			source: 'judges',
			weight: 4000,
			aggregation: { method: 'mean' },
			criteria: [
				{ key: 'finish', max: 300, weight: 1000 },
				{ key: 'symmetry', max: 300, weight: 800 },
				{ key: 'detail', max: 300, weight: 200 }
			]
		};
		const sheets = [
			sheet('j1', { finish: 300, symmetry: 200, detail: 100 }),
			sheet('j2', { finish: 200, symmetry: 200, detail: 200 }),
			sheet('j3', { finish: 300, symmetry: 300, detail: 0 })
		];
		const { breakdown, flags } = score(judgement, sheets, undefined, 5000);
		expect(breakdown.value).toBe(7889);
		expect(breakdown.sheets.map((row) => row.judgeScore && formatRatio(row.judgeScore))).toEqual(['80.0000', '66.6667', '90.0000']);
		// Spread 2 on `detail` is 66.67 on the 0–100 scale > 50; spreads of 1 (33.33) and of R_j (23.33) are not.
		expect(flags).toEqual([{ code: 'spread_over_threshold', component: 'judgement', criterion: 'detail' }]);
	});

	it('flags a spread of R_j above the threshold without changing the score', () => {
		// R_j from 75 to 98: spread 23 > 20. The criterion spreads are 25 % and 20 % of their max.
		const flagged = score(practical, fiveSheets, undefined, 2000);
		expect(flagged.flags).toContainEqual({ code: 'spread_over_threshold', component: 'practical', criterion: null });
		expect(flagged.breakdown.value).toBe(score(practical, fiveSheets).breakdown.value);
		// Exactly at the threshold is not above it: quality spread 15 of 60 = 25.
		expect(score(practical, fiveSheets, undefined, 2500).flags).toEqual([]);
	});

	it('orders sheets by judge, whatever order they arrive in', () => {
		const shuffled = [fiveSheets[3]!, fiveSheets[0]!, fiveSheets[4]!, fiveSheets[2]!, fiveSheets[1]!];
		expect(score(practical, shuffled)).toEqual(score(practical, fiveSheets));
	});

	it('runs on bigint when criteria make the common denominator too large for Numbers, with the same result', () => {
		// Prime maxes with equal weights: L = 9973 × 9967 × 9949 × 9941 ≈ 9.8 × 10^15.
		const odd: JudgesComponent = {
			key: 'odd',
			source: 'judges',
			weight: 10000,
			criteria: [9973, 9967, 9949, 9941].map((max, index) => ({ key: `c${index}`, max, weight: 100 }))
		};
		const prepared = prepareJudgesComponent(odd, 2);
		expect(prepared.arithmetic).toBe(bigintArithmetic);
		expect(prepareJudgesComponent(practical, 7).arithmetic).toBe(numberArithmetic);
		// Full marks on two of four equally weighted criteria → exactly 50.00
		const sheets = [sheet('j1', { c0: 9973, c1: 9967, c2: 0, c3: 0 }), sheet('j2', { c0: 0, c1: 0, c2: 9949, c3: 9941 })];
		expect(scoreJudgesComponent(prepared, sheets, undefined, []).value).toBe(5000);
		// One judge: c0 at half (4986.5 is not allowed, so 4987 of 9973) → (4987 ÷ 9973) ÷ 4 × 100 = 12.5012… → 12.50
		expect(scoreJudgesComponent(prepared, [sheet('j1', { c0: 4987, c1: 0, c2: 0, c3: 0 })], undefined, []).value).toBe(1250);
	});
});
