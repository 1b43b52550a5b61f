import { describe, expect, it } from 'vitest';
import { appealDeadline, appealWindowState, noticePhase } from './windows';

const at = (text: string) => new Date(text);

describe('noticePhase', () => {
	const window = { startsAt: at('2026-06-01T00:00:00Z'), endsAt: at('2026-06-08T00:00:00Z') };
	it('includes the start and excludes the end', () => {
		expect(noticePhase(window, at('2026-05-31T23:59:59Z'))).toBe('before');
		expect(noticePhase(window, at('2026-06-01T00:00:00Z'))).toBe('open');
		expect(noticePhase(window, at('2026-06-07T23:59:59Z'))).toBe('open');
		expect(noticePhase(window, at('2026-06-08T00:00:00Z'))).toBe('closed');
	});
	it('has no phase without a start, and stays open without an end', () => {
		expect(noticePhase({ startsAt: null, endsAt: null }, at('2026-06-01T00:00:00Z'))).toBe('unset');
		expect(noticePhase({ startsAt: window.startsAt, endsAt: null }, at('2030-01-01T00:00:00Z'))).toBe('open');
	});
});

describe('appeal window', () => {
	const locked = at('2026-06-01T10:00:00Z');
	it('runs the given minutes after the scores are locked (two hours by default)', () => {
		expect(appealDeadline(locked, 120)).toEqual(at('2026-06-01T12:00:00Z'));
		expect(appealWindowState(locked, 120, at('2026-06-01T11:59:59Z'))).toBe('open');
		expect(appealWindowState(locked, 120, at('2026-06-01T12:00:00Z'))).toBe('closed');
	});
	it('is not open before the sign-off', () => {
		expect(appealDeadline(null, 120)).toBeNull();
		expect(appealWindowState(null, 120, locked)).toBe('not_locked');
	});
});
