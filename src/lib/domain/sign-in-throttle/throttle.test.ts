import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCOUNT_POLICY, ADDRESS_POLICY, countAttempt, failureOutcome, judgeCountedAttempt, type ThrottleState } from './throttle';

const start = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

/** Counts `times` attempts a second apart, each failing, locking at the limit as the service does. */
function failRepeatedly(times: number, policy = ACCOUNT_POLICY, stepMs = 1_000) {
	let state: ThrottleState | null = null;
	const delays: number[] = [];
	for (let i = 0; i < times; i++) {
		const now = later(i * stepMs);
		state = countAttempt(state, now, policy);
		const outcome = failureOutcome(state.failures, policy);
		delays.push(outcome.delayMs);
		if (outcome.lock) state = { ...state, lockedUntil: new Date(now.getTime() + policy.lockMs) };
	}
	return { state, delays };
}

describe('sign-in throttling', () => {
	it('answers the first two failures at once, then ever more slowly', () => {
		expect(failRepeatedly(4).delays).toEqual([0, 0, 500, 1_000]);
	});

	it('refuses the account for 15 minutes at the fifth failure and says how long', () => {
		const { state } = failRepeatedly(5);
		expect(state?.lockedUntil).toEqual(later(4_000 + 15 * 60_000));
		const next = countAttempt(state, later(5_000), ACCOUNT_POLICY);
		expect(next).toEqual(state);
		expect(judgeCountedAttempt(next, later(5_000), ACCOUNT_POLICY)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 1 });
	});

	it('refuses attempts beyond the limit while earlier ones are still being checked', () => {
		let state: ThrottleState | null = null;
		const verdicts: boolean[] = [];
		for (let i = 0; i < 8; i++) {
			state = countAttempt(state, start, ACCOUNT_POLICY);
			verdicts.push(judgeCountedAttempt(state, start, ACCOUNT_POLICY).allowed);
		}
		expect(verdicts).toEqual([true, true, true, true, true, false, false, false]);
	});

	it('allows sign-in again once the lock has passed, with a fresh count', () => {
		const { state } = failRepeatedly(5);
		const next = countAttempt(state, later(4_000 + 15 * 60_000), ACCOUNT_POLICY);
		expect(next).toMatchObject({ failures: 1, lockedUntil: null });
		expect(judgeCountedAttempt(next, later(4_000 + 15 * 60_000), ACCOUNT_POLICY)).toEqual({ allowed: true });
	});

	it('starts a fresh count after a quiet window', () => {
		const { state } = failRepeatedly(4);
		const next = countAttempt(state, later(3_000 + ACCOUNT_POLICY.windowMs), ACCOUNT_POLICY);
		expect(next.failures).toBe(1);
		expect(failureOutcome(next.failures, ACCOUNT_POLICY).delayMs).toBe(0);
	});

	it('tolerates more failures from one address than for one account', () => {
		expect(failRepeatedly(29, ADDRESS_POLICY).state?.lockedUntil).toBeNull();
		expect(failRepeatedly(30, ADDRESS_POLICY).state?.lockedUntil).not.toBeNull();
	});

	it('never waits longer than the cap, never locks before the limit, never checks beyond it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 40 }), (times) => {
				const { state, delays } = failRepeatedly(times, ACCOUNT_POLICY, 0);
				expect(Math.max(...delays)).toBeLessThanOrEqual(ACCOUNT_POLICY.maxDelayMs);
				expect(state?.lockedUntil !== null).toBe(times >= ACCOUNT_POLICY.lockAfter);
				expect(state!.failures).toBeLessThanOrEqual(ACCOUNT_POLICY.lockAfter);
			})
		);
	});
});
