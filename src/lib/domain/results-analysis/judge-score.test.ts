import { describe, expect, it } from 'vitest';
import { judgeScoreHundredths } from './judge-score';
import type { JudgesComponent } from '../scoring/types';

const component: JudgesComponent = {
	key: 'practical',
	source: 'judges',
	weight: 10000,
	criteria: [
		{ key: 'a', max: 2000 },
		{ key: 'b', max: 3000, weight: 1000 }
	]
};

describe('judgeScoreHundredths', () => {
	it('weights each criterion by its weight over its max, on 0–100, rounded half-up', () => {
		// (15/20 × 20 + 20/30 × 10) × 100 ÷ 30 = (15 + 6.667) × 100 ÷ 30 = 72.222… → 72.22
		expect(judgeScoreHundredths(component, { a: 1500, b: 2000 })).toBe(7222);
		expect(judgeScoreHundredths(component, { a: 2000, b: 3000 })).toBe(10000);
	});

	it('gives null for an incomplete or out-of-range sheet', () => {
		expect(judgeScoreHundredths(component, { a: 1500 })).toBeNull();
		expect(judgeScoreHundredths(component, { a: 2500, b: 0 })).toBeNull();
	});
});
