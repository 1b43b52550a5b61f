import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateScores, resolveAggregation, selectCountedScores } from './aggregate';

const trimmed = { method: 'trimmed_mean' } as const;

describe('aggregateScores', () => {
	it('takes the plain mean', () => {
		// (70 + 80 + 90) ÷ 3 = 80
		expect(aggregateScores([7000, 8000, 9000], { method: 'mean' })).toEqual({ numerator: 24000, denominator: 3 });
	});

	it('drops the highest and the lowest of five judges (去掉一个最高分和一个最低分)', () => {
		// 80, 90, 75, 85.5, 98 → drop 98 and 75 → (80 + 90 + 85.5) ÷ 3 = 255.5 ÷ 3
		expect(aggregateScores([8000, 9000, 7500, 8550, 9800], trimmed)).toEqual({ numerator: 25550, denominator: 3 });
	});

	it('drops two each side when trim is 2 and seven judges are present', () => {
		// 1..7 → keep 3, 4, 5 → 12 ÷ 3
		expect(aggregateScores([7, 1, 6, 2, 5, 3, 4], { method: 'trimmed_mean', trim: 2, minJudges: 7 })).toEqual({ numerator: 12, denominator: 3 });
	});

	it('is the plain mean with four judges, fewer than the default five', () => {
		// (70 + 80 + 90 + 100) ÷ 4 = 85
		expect(aggregateScores([7000, 8000, 9000, 10000], trimmed)).toEqual({ numerator: 34000, denominator: 4 });
	});

	it('takes the middle score of an odd count', () => {
		expect(aggregateScores([9000, 6000, 7500], { method: 'median' })).toEqual({ numerator: 7500, denominator: 1 });
	});

	it('takes the mean of the two middle scores of an even count', () => {
		// 60, 70, 75, 100 → (70 + 75) ÷ 2 = 72.5 (the mean would be 76.25)
		expect(aggregateScores([10000, 6000, 7500, 7000], { method: 'median' })).toEqual({ numerator: 14500, denominator: 2 });
	});

	it('gives 0 for an empty panel', () => {
		expect(aggregateScores([], { method: 'median' })).toEqual({ numerator: 0, denominator: 1 });
	});

	it('drops the later of two equal scores deterministically', () => {
		const status = selectCountedScores([90, 50, 90, 50, 70], (a, b) => a - b, resolveAggregation(trimmed));
		expect(status).toEqual(['counted', 'dropped_low', 'dropped_high', 'counted', 'counted']);
	});

	it('equals the plain mean whenever fewer than min_judges are present', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 3, max: 9 }).chain((minJudges) =>
					fc.tuple(fc.constant(minJudges), fc.array(fc.nat({ max: 10000 }), { minLength: 1, maxLength: minJudges - 1 }))
				),
				([minJudges, scores]) => {
					const trimmedMean = aggregateScores(scores, { method: 'trimmed_mean', trim: 1, minJudges });
					expect(trimmedMean).toEqual(aggregateScores(scores, { method: 'mean' }));
				}
			)
		);
	});

	it('never depends on the order of the judges', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 300 }), { maxLength: 9 }), fc.constantFrom('mean', 'median', 'trimmed_mean'), (scores, method) => {
				const aggregation = { method } as Parameters<typeof aggregateScores>[1];
				expect(aggregateScores([...scores].reverse(), aggregation)).toEqual(aggregateScores(scores, aggregation));
			})
		);
	});
});
