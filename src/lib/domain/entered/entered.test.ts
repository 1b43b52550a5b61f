import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHundredths, parseHundredths } from './hundredths';
import { keyingState, settleKeying } from './keying';
import { formatShanghaiTime, parseShanghaiTime } from './shanghai-time';

describe('typed points', () => {
	it('reads up to two decimals exactly', () => {
		expect(parseHundredths('87')).toBe(8700);
		expect(parseHundredths(' 87.5 ')).toBe(8750);
		expect(parseHundredths('87,05')).toBe(8705);
		expect(parseHundredths('0.01')).toBe(1);
		for (const bad of ['', '-1', '1.234', '1e2', 'abc', '0x10', '1.']) expect(parseHundredths(bad), bad).toBeNull();
	});

	it('formats back to what parses to the same number', () => {
		fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (value) => parseHundredths(formatHundredths(value)) === value));
		expect(formatHundredths(8750)).toBe('87.5');
		expect(formatHundredths(8705)).toBe('87.05');
	});
});

describe('two-person entry', () => {
	it('waits for a second person after the first keying', () => {
		expect(settleKeying([], 'a', 8750)).toEqual({ kind: 'first' });
	});

	it('never lets one person confirm their own keying', () => {
		expect(settleKeying([{ keyedBy: 'a', typed: 8750 }], 'a', 8750)).toEqual({ kind: 'same_person' });
		expect(settleKeying([{ keyedBy: 'a', typed: 8750 }], 'a', 8705)).toEqual({ kind: 'same_person' });
	});

	it('stores when another person types the same, and keeps both when they differ', () => {
		expect(settleKeying([{ keyedBy: 'a', typed: 8750 }], 'b', 8750)).toEqual({ kind: 'match', confirmedWith: 'a' });
		expect(settleKeying([{ keyedBy: 'a', typed: 8750 }], 'b', 8705)).toEqual({ kind: 'mismatch' });
		expect(settleKeying([{ keyedBy: 'a', typed: 8750 }, { keyedBy: 'b', typed: 8705 }], 'c', 8705)).toEqual({ kind: 'match', confirmedWith: 'b' });
	});

	it('compares paper sheets criterion by criterion, deductions included', () => {
		const sheet = { scores: { a: 300, b: 250 }, deductions: { knot: 1 } };
		expect(settleKeying([{ keyedBy: 'a', typed: sheet }], 'b', { scores: { b: 250, a: 300 }, deductions: { knot: 1 } })).toEqual({ kind: 'match', confirmedWith: 'a' });
		expect(settleKeying([{ keyedBy: 'a', typed: sheet }], 'b', { scores: { a: 300, b: 250 }, deductions: {} })).toEqual({ kind: 'mismatch' });
		expect(settleKeying([{ keyedBy: 'a', typed: sheet }], 'b', { scores: { a: 300 }, deductions: { knot: 1 } })).toEqual({ kind: 'mismatch' });
	});

	it('is symmetric: whichever person types second, equal keyings match', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (first, second) => {
				const forward = settleKeying([{ keyedBy: 'a', typed: first }], 'b', second).kind;
				const backward = settleKeying([{ keyedBy: 'b', typed: second }], 'a', first).kind;
				return forward === backward && (forward === 'match') === (first === second);
			})
		);
	});

	it('says whether keyings wait for a second person or disagree', () => {
		expect(keyingState([])).toBe('none');
		expect(keyingState([{ keyedBy: 'a', typed: 1 }])).toBe('awaiting_second');
		expect(keyingState([{ keyedBy: 'a', typed: 1 }, { keyedBy: 'b', typed: 2 }])).toBe('disagreement');
	});
});

describe('finish times in Shanghai time', () => {
	it('reads a wall-clock time as UTC+8', () => {
		expect(parseShanghaiTime('2026-05-01 10:32')?.toISOString()).toBe('2026-05-01T02:32:00.000Z');
		expect(parseShanghaiTime('2026-05-01 00:05:09')?.toISOString()).toBe('2026-04-30T16:05:09.000Z');
		for (const bad of ['2026-02-31 10:00', '2026-05-01 24:00', '10:32', '', '2026-5-1 10:32']) expect(parseShanghaiTime(bad), bad).toBeNull();
	});

	it('formats back what it reads', () => {
		expect(formatShanghaiTime(parseShanghaiTime('2026-05-01 08:01:02')!)).toBe('2026-05-01 08:01:02');
	});
});
