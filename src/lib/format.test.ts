import { describe, expect, it } from 'vitest';
import { endOfContestDay, formatDateTime, startOfContestDay } from './format';

describe('contest time', () => {
	it('shows instants in Shanghai time, not UTC', () => {
		// 02:00 UTC is 10:00 in Shanghai: the classic off-by-eight a venue would notice.
		expect(formatDateTime(new Date('2026-11-23T02:00:00Z'), 'en')).toContain('10:00');
		expect(formatDateTime(new Date('2026-11-23T02:00:00Z'), 'zh-CN')).toContain('10:00');
		// Half past midnight is 00:30, not 24:30 (what `hour12: false` gave in English).
		expect(formatDateTime(new Date('2026-11-29T16:30:00Z'), 'en')).toBe('Nov 30, 2026, 00:30');
		expect(formatDateTime(new Date('2026-11-29T16:30:00Z'), 'zh-CN')).toContain('00:30');
	});

	it('takes a calendar day from Shanghai midnight to the next', () => {
		expect(startOfContestDay('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z');
		expect(endOfContestDay('2026-11-23').toISOString()).toBe('2026-11-23T16:00:00.000Z');
	});
});
