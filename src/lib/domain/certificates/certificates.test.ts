import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSerial, shanghaiDate, shanghaiYear } from './serial';
import { maskHolderName } from './holder-mask';
import { fillWording } from './wording';
import { CODE_PATTERN, verificationCode } from './verification-code';

describe('serials', () => {
	it('pads the sequence to the width and never cuts a longer one', () => {
		expect(formatSerial({ prefix: 'AJ', width: 4 }, 2026, 7)).toBe('AJ-2026-0007');
		expect(formatSerial({ prefix: 'AJ', width: 3 }, 2026, 12345)).toBe('AJ-2026-12345');
	});
	it('gives distinct serials for distinct sequences (property)', () => {
		fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 3, max: 8 }), (a, b, width) => {
			fc.pre(a !== b);
			expect(formatSerial({ prefix: 'X', width }, 2026, a)).not.toBe(formatSerial({ prefix: 'X', width }, 2026, b));
		}));
	});
	it('counts the year and date in Shanghai', () => {
		expect(shanghaiYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
		expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
	});
});

describe('holder names on the public page', () => {
	it('keeps the first and last character', () => {
		expect(maskHolderName('张三明')).toBe('张*明');
		expect(maskHolderName('欧阳春华')).toBe('欧**华');
		expect(maskHolderName('张三')).toBe('张*');
		expect(maskHolderName('𠮷野家人')).toBe('𠮷**人');
	});
	it('never shows a middle character of a name of three or more (property)', () => {
		fc.assert(fc.property(fc.array(fc.constantFrom(...'王李张刘陈杨赵黄周吴明华'), { minLength: 3, maxLength: 8 }), (characters) => {
			const masked = Array.from(maskHolderName(characters.join('')));
			expect(masked.slice(1, -1).every((character) => character === '*')).toBe(true);
		}));
	});
});

describe('wording', () => {
	it('fills known placeholders and leaves unknown ones visible', () => {
		const facts = { name: '张三', award: '一等奖', event: '数控车工', competition: '县技能大赛', unit: '机械厂' };
		expect(fillWording('{name}（{unit}）在{competition}{event}中荣获{award}{oops}', facts)).toBe('张三（机械厂）在县技能大赛数控车工中荣获一等奖{oops}');
	});
});

describe('verification codes', () => {
	it('are 12 readable characters and differ', () => {
		const codes = new Set(Array.from({ length: 500 }, () => verificationCode((size) => crypto.getRandomValues(new Uint8Array(size)))));
		expect(codes.size).toBe(500);
		for (const code of codes) expect(code).toMatch(CODE_PATTERN);
	});
});
