import { toHundredths } from '$lib/domain/scoring/decimal';

/** The stepper's step in hundredths: 0.1 when the criterion's max is 10 points or less, otherwise 1 point. */
export const stepFor = (max: number): number => (max <= 1000 ? 10 : 100);

/** One tap of a stepper from the current value (none yet counts from 0), held within 0..max. */
export function stepScore(current: number | null, max: number, direction: 1 | -1): number {
	const next = (current ?? 0) + direction * stepFor(max);
	return Math.min(max, Math.max(0, next));
}

/**
 * What the judge typed, read as hundredths: empty is "no score yet" (null); a number with at most two
 * decimals within 0..max is the score; anything else is refused with the reason. A comma is read as a
 * decimal point (some keypads offer only a comma).
 */
export function readTypedScore(text: string, max: number): { ok: true; value: number | null } | { ok: false; reason: 'format' | 'range' } {
	const trimmed = text.trim().replace(',', '.');
	if (trimmed === '') return { ok: true, value: null };
	let value: number;
	try {
		value = toHundredths(trimmed.startsWith('.') ? `0${trimmed}` : trimmed);
	} catch {
		return { ok: false, reason: 'format' };
	}
	if (value < 0 || value > max) return { ok: false, reason: 'range' };
	return { ok: true, value };
}

/** A deduction's count after one tap (+1) or an undo (−1), never below 0. */
export const tapDeduction = (counts: Record<string, number>, key: string, direction: 1 | -1): Record<string, number> => ({
	...counts,
	[key]: Math.max(0, (counts[key] ?? 0) + direction)
});

/** The device's clock, as operations and heartbeats report it. */
export const isoNow = (): string => new Date().toISOString();
