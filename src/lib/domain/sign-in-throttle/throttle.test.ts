import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCOUNT_POLICY, ADDRESS_POLICY, checkSignInAllowed, recordSignInFailure, type ThrottleState } from './throttle';

const start = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

function failRepeatedly(times: number, policy = ACCOUNT_POLICY, stepMs = 1_000) {
	let state: ThrottleState | null = null;
	const delays: number[] = [];
	for (let i = 0; i < times; i++) {
		const result = recordSignInFailure(state, later(i * stepMs), policy);
		state = result.state;
		delays.push(result.delayMs);
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
		expect(checkSignInAllowed(state, later(5_000))).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 1 });
	});

	it('allows sign-in again once the lock has passed', () => {
		const { state } = failRepeatedly(5);
		expect(checkSignInAllowed(state, later(4_000 + 15 * 60_000))).toEqual({ allowed: true });
	});

	it('starts a fresh count after a quiet window', () => {
		const { state } = failRepeatedly(4);
		const next = recordSignInFailure(state, later(3_000 + ACCOUNT_POLICY.windowMs), ACCOUNT_POLICY);
		expect(next.state.failures).toBe(1);
		expect(next.delayMs).toBe(0);
	});

	it('tolerates more failures from one address than for one account', () => {
		expect(failRepeatedly(29, ADDRESS_POLICY).state?.lockedUntil).toBeNull();
		expect(failRepeatedly(30, ADDRESS_POLICY).state?.lockedUntil).not.toBeNull();
	});

	it('never waits longer than the cap and never locks before the limit', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: ACCOUNT_POLICY.lockAfter }), (times) => {
				const { state, delays } = failRepeatedly(times);
				expect(Math.max(...delays)).toBeLessThanOrEqual(ACCOUNT_POLICY.maxDelayMs);
				expect(state?.lockedUntil !== null).toBe(times >= ACCOUNT_POLICY.lockAfter);
			})
		);
	});
});
