import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JudgesComponent } from '../scoring/types';
import { checkSheet, storedValues } from './check-sheet';

const practical: JudgesComponent = {
	key: 'practical',
	source: 'judges',
	weight: 10000,
	criteria: [
		{ key: 'process', max: 2000 },
		{ key: 'precision', max: 3500 }
	],
	deductions: [{ key: 'defect', points: 200 }]
};

describe('checkSheet', () => {
	it('accepts a partial draft and a complete submission within the maxima', () => {
		expect(checkSheet(practical, { scores: { process: 1500 }, deductions: {} }, 'save')).toEqual([]);
		expect(checkSheet(practical, { scores: { process: 2000, precision: 0 }, deductions: { defect: 2 } }, 'submit')).toEqual([]);
	});

	it('names each field that does not fit the scheme', () => {
		expect(checkSheet(practical, { scores: { process: 2001, colour: 5, precision: null }, deductions: { knot: 1 } }, 'submit')).toEqual([
			{ field: 'scores.process', issue: 'above_max', max: 2000 },
			{ field: 'scores.colour', issue: 'unknown_criterion' },
			{ field: 'deductions.knot', issue: 'unknown_deduction' },
			{ field: 'scores.precision', issue: 'missing' }
		]);
	});

	it('never lets a value above its criterion’s max through', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (process, precision) => {
				const issues = checkSheet(practical, { scores: { process, precision }, deductions: {} }, 'submit');
				expect(issues.length === 0).toBe(process <= 2000 && precision <= 3500);
			})
		);
	});

	it('stores scored criteria and counted deductions only', () => {
		expect(storedValues({ scores: { process: 0, precision: null }, deductions: { defect: 0, burr: 1 } })).toEqual({ scores: { process: 0 }, deductions: { burr: 1 } });
	});
});
