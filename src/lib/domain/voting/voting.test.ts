import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressPrefix, countsVisibility, decideDailyLimits, DEFAULT_COST_POLICY, nextShanghaiMidnight, proofCost, votingDayOf, windowPhase } from './index';

const at = (iso: string) => new Date(iso);
const window = { opensAt: at('2026-05-01T00:00:00+08:00'), closesAt: at('2026-05-08T20:00:00+08:00') };
const limits = { votesPerVoterPerDay: 3, votesPerCandidatePerVoterPerDay: 1 };

describe('the Shanghai voting day', () => {
	it('turns at Shanghai midnight (16:00 UTC), not UTC midnight', () => {
		expect(votingDayOf(at('2026-05-01T15:59:59.999Z'))).toBe('2026-05-01');
		expect(votingDayOf(at('2026-05-01T16:00:00.000Z'))).toBe('2026-05-02');
		expect(votingDayOf(at('2026-05-01T23:30:00.000Z'))).toBe('2026-05-02');
	});

	it('the next midnight is strictly later, within a day, and starts the next voting day', () => {
		fc.assert(
			fc.property(fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z'), noInvalidDate: true }), (instant) => {
				const midnight = nextShanghaiMidnight(instant);
				expect(midnight.getTime()).toBeGreaterThan(instant.getTime());
				expect(midnight.getTime() - instant.getTime()).toBeLessThanOrEqual(24 * 3600_000);
				expect(votingDayOf(midnight)).not.toBe(votingDayOf(instant));
				expect(votingDayOf(new Date(midnight.getTime() - 1))).toBe(votingDayOf(instant));
			})
		);
	});
});

describe('the voting window', () => {
	it('includes its opening instant and excludes its closing instant', () => {
		expect(windowPhase(window, new Date(window.opensAt.getTime() - 1))).toBe('before');
		expect(windowPhase(window, window.opensAt)).toBe('open');
		expect(windowPhase(window, new Date(window.closesAt.getTime() - 1))).toBe('open');
		expect(windowPhase(window, window.closesAt)).toBe('closed');
	});
});

describe('the daily limits', () => {
	const now = at('2026-05-03T10:00:00+08:00');
	it('allows votes under both limits', () => {
		expect(decideDailyLimits(limits, { total: 2, forCandidate: 0 }, window, now)).toEqual({ allowed: true });
	});
	it('refuses a second vote for one candidate and says the next vote opens at Shanghai midnight', () => {
		expect(decideDailyLimits(limits, { total: 1, forCandidate: 1 }, window, now)).toEqual({ allowed: false, reason: 'candidate_limit', nextVoteAt: at('2026-05-04T00:00:00+08:00') });
	});
	it('refuses beyond the daily total first', () => {
		expect(decideDailyLimits(limits, { total: 3, forCandidate: 1 }, window, now)).toMatchObject({ allowed: false, reason: 'daily_limit' });
	});
	it('on the last day, no next vote: the window closes before midnight', () => {
		expect(decideDailyLimits(limits, { total: 3, forCandidate: 0 }, window, at('2026-05-08T12:00:00+08:00'))).toEqual({ allowed: false, reason: 'daily_limit', nextVoteAt: null });
	});
	it('never allows more than the limits, whatever was cast', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (perDay, perCandidate, total, forCandidate) => {
				const decision = decideDailyLimits({ votesPerVoterPerDay: perDay, votesPerCandidatePerVoterPerDay: Math.min(perDay, perCandidate) }, { total, forCandidate }, window, now);
				expect(decision.allowed).toBe(total < perDay && forCandidate < Math.min(perDay, perCandidate));
			})
		);
	});
});

describe('when the public sees the counts', () => {
	const base = { ...window, dailyPublishTime: null };
	it('live: always, as of now; after the close, as of the close', () => {
		const now = at('2026-05-02T09:00:00+08:00');
		expect(countsVisibility({ ...base, countsShown: 'live' }, now)).toEqual({ visible: true, asOf: now });
		expect(countsVisibility({ ...base, countsShown: 'live' }, at('2026-05-09T00:00:00+08:00'))).toEqual({ visible: true, asOf: window.closesAt });
	});
	it('after_close: nothing while open, the final counts at the closing instant', () => {
		expect(countsVisibility({ ...base, countsShown: 'after_close' }, new Date(window.closesAt.getTime() - 1))).toEqual({ visible: false });
		expect(countsVisibility({ ...base, countsShown: 'after_close' }, window.closesAt)).toEqual({ visible: true, asOf: window.closesAt });
	});
	it('daily at 12:00: the counts as of the last noon that has passed', () => {
		const daily = { ...base, countsShown: 'daily' as const, dailyPublishTime: '12:00' };
		expect(countsVisibility(daily, at('2026-05-01T11:00:00+08:00'))).toEqual({ visible: false });
		expect(countsVisibility(daily, at('2026-05-01T12:00:00+08:00'))).toEqual({ visible: true, asOf: at('2026-05-01T12:00:00+08:00') });
		expect(countsVisibility(daily, at('2026-05-03T11:59:00+08:00'))).toEqual({ visible: true, asOf: at('2026-05-02T12:00:00+08:00') });
		expect(countsVisibility(daily, at('2026-05-03T23:00:00+08:00'))).toEqual({ visible: true, asOf: at('2026-05-03T12:00:00+08:00') });
	});
	it('never shows counts newer than now', () => {
		fc.assert(
			fc.property(fc.constantFrom('live', 'daily', 'after_close'), fc.date({ min: at('2026-04-25T00:00:00Z'), max: at('2026-05-15T00:00:00Z'), noInvalidDate: true }), (shown, now) => {
				const visibility = countsVisibility({ ...window, countsShown: shown as 'live', dailyPublishTime: shown === 'daily' ? '20:30' : null }, now);
				if (visibility.visible) expect(visibility.asOf.getTime()).toBeLessThanOrEqual(now.getTime());
			})
		);
	});
});

describe('the address prefix', () => {
	it.each([
		['203.0.113.77', '203.0.113.0/24'],
		['::ffff:203.0.113.77', '203.0.113.0/24'],
		['::FFFF:cb00:714d', '203.0.113.0/24'],
		['2001:db8:1234:5678::1', '2001:db8:1234::/48'],
		['2001:0db8:0001::', '2001:db8:1::/48'],
		['::1', '0:0:0::/48'],
		['[2001:db8::1]', '2001:db8:0::/48'],
		['not an address', 'unknown'],
		['300.1.1.1', 'unknown']
	])('%s → %s', (address, prefix) => expect(addressPrefix(address)).toBe(prefix));

	it('addresses in one /24 share a prefix', () => {
		fc.assert(fc.property(fc.ipV4(), fc.integer({ min: 0, max: 255 }), (address, last) => {
			expect(addressPrefix(address)).toBe(addressPrefix(address.replace(/\.\d+$/, `.${last}`)));
		}));
	});
});

describe('the proof-of-work cost', () => {
	const policy = { ...DEFAULT_COST_POLICY, baseCost: 20_000 };
	it('is the base cost for an ordinary voter and an ordinary office network', () => {
		expect(proofCost(policy, { fromPrefix: 0, fromVoter: 0 })).toBe(20_000);
		expect(proofCost(policy, { fromPrefix: 30, fromVoter: 5 })).toBe(20_000);
	});
	it('doubles per step beyond the allowance and stops at the cap', () => {
		expect(proofCost(policy, { fromPrefix: 40, fromVoter: 0 })).toBe(40_000);
		expect(proofCost(policy, { fromPrefix: 0, fromVoter: 25 })).toBe(80_000);
		expect(proofCost(policy, { fromPrefix: 100_000, fromVoter: 0 })).toBe(20_000 * 32);
	});
	it('never falls as votes rise, never below the base, never above the cap', () => {
		fc.assert(
			fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(100), (prefix, voter, more) => {
				const cost = proofCost(policy, { fromPrefix: prefix, fromVoter: voter });
				expect(cost).toBeGreaterThanOrEqual(20_000);
				expect(cost).toBeLessThanOrEqual(20_000 * 32);
				expect(proofCost(policy, { fromPrefix: prefix + more, fromVoter: voter + more })).toBeGreaterThanOrEqual(cost);
			})
		);
	});
});
