import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideRoundHalfUp, floorDivide, formatHundredths, formatRatio, multiplyDivideRoundHalfUp, toHundredths } from './decimal';

describe('hundredths', () => {
	it('reads decimals with at most two places as whole hundredths', () => {
		expect(toHundredths('12.5')).toBe(1250);
		expect(toHundredths(12.34)).toBe(1234);
		expect(toHundredths('100')).toBe(10000);
		expect(toHundredths('0.07')).toBe(7);
		expect(toHundredths('-1.5')).toBe(-150);
	});

	it('refuses a third decimal instead of rounding it away', () => {
		expect(() => toHundredths('1.005')).toThrow(RangeError);
		expect(() => toHundredths('abc')).toThrow(RangeError);
	});

	it('writes hundredths with two decimals', () => {
		expect(formatHundredths(1250)).toBe('12.50');
		expect(formatHundredths(7)).toBe('0.07');
		expect(formatHundredths(-150)).toBe('-1.50');
	});

	it('shows an exact ratio in hundredths as points', () => {
		// 255.5 points ÷ 3 = 85.1666… → 85.1667
		expect(formatRatio({ numerator: 25550, denominator: 3 })).toBe('85.1667');
		expect(formatRatio({ numerator: 25550n, denominator: 3n }, 2)).toBe('85.17');
	});
});

describe('exact division', () => {
	it('rounds half up (四舍五入)', () => {
		expect(divideRoundHalfUp(5, 2)).toBe(3); // 2.5 → 3
		expect(divideRoundHalfUp(7, 3)).toBe(2); // 2.33 → 2
		expect(divideRoundHalfUp(8, 3)).toBe(3); // 2.67 → 3
		expect(divideRoundHalfUp(0, 9)).toBe(0);
	});

	it('floors exactly, like bigint division, up to 2^53', () => {
		fc.assert(
			fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (x, y) => {
				expect(floorDivide(x, y)).toBe(Number(BigInt(x) / BigInt(y)));
			})
		);
	});

	it('agrees with bigint arithmetic on every safe input', () => {
		fc.assert(
			fc.property(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 2 ** 11 }), fc.integer({ min: 1, max: 2 ** 45 }), (a, b, d) => {
				const expected = Number((2n * BigInt(a) * BigInt(b) + BigInt(d)) / (2n * BigInt(d)));
				expect(multiplyDivideRoundHalfUp(a, b, d)).toBe(expected);
			})
		);
	});

	it('falls back to bigint when the product leaves 2^53', () => {
		// 2^50 × 3 ÷ 2 = 1.5 × 2^50, exactly
		expect(multiplyDivideRoundHalfUp(2 ** 50, 3, 2)).toBe(1.5 * 2 ** 50);
	});
});
