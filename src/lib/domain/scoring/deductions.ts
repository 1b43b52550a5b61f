import type { DeductionBreakdown } from './results';
import type { DeductionItem, Hundredths } from './types';

/** Occurrences per deduction item for one entry, as the panel recorded them. */
export type DeductionCounts = Readonly<Record<string, number>>;

/**
 * Totals an entry's deductions: Σ count × points per occurrence, on the component's 0–100 scale
 * ("knot end over 3 mm: 2 points each", three knots → 6 points). Counted once per entry, not per judge.
 */
export function totalDeductions(
	items: readonly DeductionItem[],
	counts: DeductionCounts | undefined
): { items: DeductionBreakdown[]; total: Hundredths } {
	let total = 0;
	const breakdown: DeductionBreakdown[] = [];
	for (const item of items) {
		const count = counts && Object.hasOwn(counts, item.key) ? (counts[item.key] as number) : 0;
		if (count === 0) continue;
		const subtotal = count * item.points;
		total += subtotal;
		breakdown.push({ item: item.key, count, points: item.points, total: subtotal });
	}
	return { items: breakdown, total };
}

/** Σ count × points only, for scoring without a breakdown; the same sum `totalDeductions` reports. */
export function sumDeductions(items: readonly DeductionItem[], counts: DeductionCounts | undefined): Hundredths {
	if (!counts) return 0;
	let total = 0;
	for (const item of items) if (Object.hasOwn(counts, item.key)) total += (counts[item.key] as number) * item.points;
	return total;
}
