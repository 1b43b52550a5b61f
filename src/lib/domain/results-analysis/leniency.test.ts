import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeLeniency, type JudgedSheet } from './leniency';

const sheet = (judgeId: string, entryId: string, judgeScore: number, a: number): JudgedSheet => ({ judgeId, entryId, judgeScore, marks: { a } });

describe('judgeLeniency', () => {
	it('compares each judge with the panel over the entries that judge scored', () => {
		const sheets = [
			sheet('j1', 'e1', 9000, 900),
			sheet('j2', 'e1', 8000, 800),
			sheet('j3', 'e1', 7000, 700),
			sheet('j1', 'e2', 8000, 800),
			sheet('j2', 'e2', 7000, 700),
			// j3 did not score e2; e3 is scored by j2 alone.
			sheet('j2', 'e3', 5000, 500)
		];
		const [j1, j2, j3] = judgeLeniency(sheets, ['a']);
		// j1: mean 85.00; the panel on e1, e2: (90 + 80 + 70 + 80 + 70) ÷ 5 = 78.00 → +7.00: lenient.
		expect(j1).toMatchObject({ judgeId: 'j1', entries: 2, meanScore: 8500, panelMeanScore: 7800, difference: 700 });
		expect(j1!.criteria).toEqual([{ criterion: 'a', mean: 850, panelMean: 780, difference: 70 }]);
		// j2: (80 + 70 + 50) ÷ 3 = 66.67; panel (90 + 80 + 70 + 80 + 70 + 50) ÷ 6 = 73.33; exact difference −6.666… → −6.67.
		expect(j2).toMatchObject({ meanScore: 6667, panelMeanScore: 7333, difference: -667 });
		// j3 only scored e1, whose panel mean is 80.00: severe by 10.00.
		expect(j3).toMatchObject({ entries: 1, meanScore: 7000, panelMeanScore: 8000, difference: -1000 });
	});

	it('shows no leniency when every judge gives every entry the same score, and a constant bias exactly', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 1000 }), (scores, bias) => {
				const fair = scores.flatMap((score, index) => ['j1', 'j2', 'j3'].map((judge) => sheet(judge, `e${index}`, score, score)));
				for (const judge of judgeLeniency(fair, ['a'])) expect(judge.difference).toBe(0);
				// j3 gives 3 × bias more than j1 and j2: the panel mean moves by bias, so j3 stands 2 × bias above it.
				const biased = scores.flatMap((score, index) => [sheet('j1', `e${index}`, score, score), sheet('j2', `e${index}`, score, score), sheet('j3', `e${index}`, score + 3 * bias, score)]);
				const byJudge = Object.fromEntries(judgeLeniency(biased, ['a']).map((judge) => [judge.judgeId, judge.difference]));
				expect(byJudge).toEqual({ j1: -bias || 0, j2: -bias || 0, j3: 2 * bias });
			}),
			{ numRuns: 200 }
		);
	});
});
