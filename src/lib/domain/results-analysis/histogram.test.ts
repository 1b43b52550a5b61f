import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogramOfTotals } from './histogram';

describe('histogramOfTotals', () => {
	it('uses round bins aligned to their width, the narrowest that fits in 12 bars', () => {
		// 61.50 … 94.20: 1- and 2-point bins need too many bars; 5-point bins from 60 to 95 need 7.
		expect(histogramOfTotals([6150, 7000, 7249, 8800, 9420])).toEqual([
			{ from: 6000, to: 6500, count: 1 },
			{ from: 6500, to: 7000, count: 0 },
			{ from: 7000, to: 7500, count: 2 },
			{ from: 7500, to: 8000, count: 0 },
			{ from: 8000, to: 8500, count: 0 },
			{ from: 8500, to: 9000, count: 1 },
			{ from: 9000, to: 9500, count: 1 }
		]);
	});

	it('puts a top total on a boundary (100.00) into the last bar, and a single total into one bar', () => {
		expect(histogramOfTotals([9000, 10000]).at(-1)).toEqual({ from: 9900, to: 10000, count: 1 });
		expect(histogramOfTotals([0, 10000])).toHaveLength(10);
		expect(histogramOfTotals([8550])).toEqual([{ from: 8500, to: 8600, count: 1 }]);
		expect(histogramOfTotals([])).toEqual([]);
	});

	it('counts every total exactly once, in a bin that holds it, with at most 12 contiguous bars', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 200 }), (totals) => {
				const bins = histogramOfTotals(totals);
				expect(bins.length).toBeLessThanOrEqual(12);
				expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(totals.length);
				bins.forEach((bin, index) => index > 0 && expect(bin.from).toBe(bins[index - 1]!.to));
				for (const bin of bins) {
					const last = bin === bins.at(-1);
					expect(totals.filter((total) => total >= bin.from && (total < bin.to || (last && total === bin.to))).length).toBe(bin.count);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
