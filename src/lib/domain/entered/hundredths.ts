/**
 * Points as people type them ("87", "87.5", "87.50", "87,5") ↔ integer hundredths (8750), exactly:
 * no binary floats on the way (DESIGN.md §3, numbers).
 */

const POINTS = /^(\d{1,6})(?:[.,](\d{1,2}))?$/;

/** The hundredths a person typed, or null when it is not a number with at most two decimals. */
export function parseHundredths(text: string): number | null {
	const match = POINTS.exec(text.trim());
	if (!match) return null;
	const whole = Number(match[1]);
	const fraction = Number((match[2] ?? '').padEnd(2, '0'));
	return whole * 100 + fraction;
}

/** 8750 → "87.5", 8700 → "87", 8705 → "87.05". */
export function formatHundredths(value: number): string {
	const whole = Math.trunc(value / 100);
	const fraction = String(value % 100).padStart(2, '0').replace(/0+$/, '');
	return fraction ? `${whole}.${fraction}` : String(whole);
}
