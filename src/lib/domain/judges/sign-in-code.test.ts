import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_ALPHABET, CODE_LENGTH, endOfChinaDay, formatSignInCode, generateSignInCode, normaliseSignInCode } from './sign-in-code';

describe('sign-in codes', () => {
	it('are 8 characters of the unambiguous alphabet, whatever the random bytes', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 64, maxLength: 64 }), (bytes) => {
				let index = 0;
				const code = generateSignInCode(() => bytes[index++ % bytes.length]!);
				expect(code).toHaveLength(CODE_LENGTH);
				for (const character of code) expect(CODE_ALPHABET).toContain(character);
				expect(normaliseSignInCode(code)).toBe(code);
				expect(normaliseSignInCode(formatSignInCode(code).toLowerCase())).toBe(code);
			})
		);
	});

	it('leave out characters people confuse', () => {
		for (const character of '0O1IL5S2Z') expect(CODE_ALPHABET).not.toContain(character);
	});

	it('read what people type: spaces, dashes, lower case and full-width characters; refuse the rest', () => {
		expect(normaliseSignInCode(' abcd-efgh ')).toBe('ABCDEFGH');
		expect(normaliseSignInCode('ＡＢＣＤ　ＥＦＧＨ')).toBe('ABCDEFGH');
		expect(normaliseSignInCode('ABCDEFG')).toBeUndefined();
		expect(normaliseSignInCode('ABCDEFG0')).toBeUndefined();
		expect(normaliseSignInCode('<script>')).toBeUndefined();
	});

	it('expire at the end of the day in Asia/Shanghai', () => {
		// 09:00 and 23:59 on 30 November in China are the same day; 00:30 on 1 December is the next one.
		expect(endOfChinaDay(new Date('2026-11-30T01:00:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
		expect(endOfChinaDay(new Date('2026-11-30T15:59:00Z')).toISOString()).toBe('2026-11-30T16:00:00.000Z');
		expect(endOfChinaDay(new Date('2026-11-30T16:30:00Z')).toISOString()).toBe('2026-12-01T16:00:00.000Z');
		fc.assert(
			fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (now) => {
				const end = endOfChinaDay(now);
				expect(end.getTime()).toBeGreaterThan(now.getTime());
				expect(end.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
				expect((end.getTime() + 8 * 3_600_000) % 86_400_000).toBe(0);
			})
		);
	});
});
