import type { Hundredths } from './types';

/** Hundredths in one point (and in one percent). */
export const HUNDREDTHS = 100;
/** 100 points expressed in hundredths: the top of every component's 0–100 scale. */
export const FULL_SCALE: Hundredths = 10_000;

/** An exact value `numerator ÷ denominator`, in hundredths. Parts are bigint only when a Number could not hold them. */
export interface Ratio {
	numerator: number | bigint;
	denominator: number | bigint;
}

/**
 * Reads a decimal with at most two places ("12.5", 12.5) as hundredths (1250), refusing more places
 * rather than rounding them away: points carry at most two decimals.
 */
export function toHundredths(value: string | number): Hundredths {
	const text = typeof value === 'number' ? String(value) : value.trim();
	const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
	if (!match) throw new RangeError(`not a decimal with at most two places: ${text}`);
	const [, sign = '', whole = '0', fraction = ''] = match;
	const result = Number(whole) * HUNDREDTHS + Number(fraction.padEnd(2, '0'));
	if (!Number.isSafeInteger(result)) throw new RangeError(`too large: ${text}`);
	return sign === '-' ? -result : result;
}

/** Writes hundredths with exactly two decimals: 1250 → "12.50". */
export function formatHundredths(value: Hundredths): string {
	const sign = value < 0 ? '-' : '';
	const magnitude = Math.abs(value);
	return `${sign}${Math.floor(magnitude / HUNDREDTHS)}.${String(magnitude % HUNDREDTHS).padStart(2, '0')}`;
}

/** Shows an exact ratio (in hundredths) as points with `places` decimals, for explanations only. */
export function formatRatio(ratio: Ratio, places = 4): string {
	const scale = 10n ** BigInt(places);
	const numerator = BigInt(ratio.numerator) * scale;
	const denominator = BigInt(ratio.denominator) * BigInt(HUNDREDTHS);
	const scaled = (2n * numerator + denominator) / (2n * denominator);
	const text = scaled.toString().padStart(places + 1, '0');
	return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
}

/**
 * ⌊x ÷ y⌋ for non-negative safe integers, exactly. `x % y` is exact in IEEE arithmetic and
 * `x − x % y` is a multiple of y, so the final division has an exact integer result: no argument
 * about how `x / y` rounds is needed.
 */
export function floorDivide(x: number, y: number): number {
	return (x - (x % y)) / y;
}

/** `numerator ÷ denominator` rounded half-up (四舍五入); both non-negative, `2 × numerator + denominator` safe. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
	return floorDivide(2 * numerator + denominator, 2 * denominator);
}

/** `a × b ÷ d` rounded half-up, exact at any size: falls back to bigint when the product could leave 2^53. */
export function multiplyDivideRoundHalfUp(a: number, b: number, d: number): number {
	if (2 * a * b + d <= Number.MAX_SAFE_INTEGER) return divideRoundHalfUp(a * b, d);
	const numerator = BigInt(a) * BigInt(b);
	return Number((2n * numerator + BigInt(d)) / (2n * BigInt(d)));
}

export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

export function leastCommonMultiple(a: bigint, b: bigint): bigint {
	return (a / greatestCommonDivisor(a, b)) * b;
}

/**
 * Integer operations the judges component runs on: plain Numbers when every intermediate is
 * provably below 2^53 (the usual case), bigint otherwise. Both give identical results.
 */
export interface IntegerArithmetic<T extends number | bigint> {
	readonly zero: T;
	fromInteger(value: number | bigint): T;
	add(a: T, b: T): T;
	subtract(a: T, b: T): T;
	multiply(a: T, b: T): T;
	compare(a: T, b: T): number;
	/** `numerator ÷ denominator` rounded half-up; numerator ≥ 0, denominator > 0, result fits a Number. */
	divideRoundHalfUp(numerator: T, denominator: T): number;
}

export const numberArithmetic: IntegerArithmetic<number> = {
	zero: 0,
	fromInteger: (value) => Number(value),
	add: (a, b) => a + b,
	subtract: (a, b) => a - b,
	multiply: (a, b) => a * b,
	compare: (a, b) => a - b,
	divideRoundHalfUp
};

export const bigintArithmetic: IntegerArithmetic<bigint> = {
	zero: 0n,
	fromInteger: (value) => BigInt(value),
	add: (a, b) => a + b,
	subtract: (a, b) => a - b,
	multiply: (a, b) => a * b,
	compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
	divideRoundHalfUp: (numerator, denominator) => Number((2n * numerator + denominator) / (2n * denominator))
};
