/** One bar of a histogram of totals: [from, to) in hundredths, the last bar closed at its upper end. */
export interface HistogramBin {
	from: number;
	to: number;
	count: number;
}

/** Bin widths in points a person reads easily (1, 2, 5, 10, 20, 25, 50). */
const STEPS = [100, 200, 500, 1000, 2000, 2500, 5000];

/**
 * A histogram of totals (hundredths of a point, 0–100 points): bins of a round width (1, 2, 5, 10…
 * points) aligned to multiples of it, the narrowest that needs at most `maxBins` bars between the
 * lowest and the highest total. Every total falls in exactly one bin; the top of the range (e.g. 100.00)
 * goes into the last bin rather than opening an empty one. No totals → no bins.
 */
export function histogramOfTotals(totals: readonly number[], maxBins = 12): HistogramBin[] {
	if (totals.length === 0) return [];
	const lowest = Math.min(...totals);
	const highest = Math.max(...totals);
	const step = STEPS.find((width) => Math.floor(highest / width) - Math.floor(lowest / width) + 1 <= maxBins) ?? STEPS[STEPS.length - 1]!;
	const start = Math.floor(lowest / step) * step;
	let count = Math.floor(highest / step) - Math.floor(lowest / step) + 1;
	// A highest total exactly on a boundary (90.00 with 10-point bins) belongs to the bar below it, when there is one.
	if (count > 1 && highest % step === 0) count--;
	const bins = Array.from({ length: count }, (_, index) => ({ from: start + index * step, to: start + (index + 1) * step, count: 0 }));
	for (const total of totals) bins[Math.min(Math.floor((total - start) / step), count - 1)]!.count++;
	return bins;
}
