/**
 * Sign-in attempts counted for one key (an account or a client address) within the current window.
 * An attempt is counted *before* its password is checked, in one atomic database step, so that
 * concurrent attempts can never check more passwords than the policy allows.
 */
export interface ThrottleState {
	/** Attempts counted in this window, including those whose password check is still running. */
	failures: number;
	windowStartedAt: Date;
	lockedUntil: Date | null;
}

export interface ThrottlePolicy {
	/** Attempts older than this no longer count. */
	windowMs: number;
	/** Failures allowed before each further failure is answered more slowly. */
	freeFailures: number;
	/** Extra wait per failure beyond the free ones, capped at maxDelayMs. */
	delayStepMs: number;
	maxDelayMs: number;
	/** At this many failures within the window the key is refused for lockMs. */
	lockAfter: number;
	lockMs: number;
}

const MINUTE = 60_000;

/** One person guessing at one account: slowed after 2 misses, refused for 15 minutes after 5. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	windowMs: 15 * MINUTE,
	freeFailures: 2,
	delayStepMs: 500,
	maxDelayMs: 2_000,
	lockAfter: 5,
	lockMs: 15 * MINUTE
};

/** One address trying many accounts: looser, since a venue's judges may share one NAT address. */
export const ADDRESS_POLICY: ThrottlePolicy = {
	windowMs: 15 * MINUTE,
	freeFailures: 10,
	delayStepMs: 250,
	maxDelayMs: 2_000,
	lockAfter: 30,
	lockMs: 15 * MINUTE
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether an attempt, already counted into `state`, may check its password. Refused while the key is
 * locked, and beyond the limit even before the lock is written (attempts still in flight).
 */
export function judgeCountedAttempt(state: ThrottleState, now: Date, policy: ThrottlePolicy): ThrottleVerdict {
	if (state.lockedUntil && state.lockedUntil > now) {
		return { allowed: false, retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) };
	}
	if (state.failures > policy.lockAfter) return { allowed: false, retryAfterSeconds: Math.ceil(policy.lockMs / 1000) };
	return { allowed: true };
}

/**
 * What a failed password check that was the `failures`-th attempt of its window leads to: nothing for
 * the first few, then a growing delay, then a lock at the limit.
 */
export function failureOutcome(failures: number, policy: ThrottlePolicy): { delayMs: number; lock: boolean } {
	return {
		delayMs: Math.min(Math.max(0, failures - policy.freeFailures) * policy.delayStepMs, policy.maxDelayMs),
		lock: failures >= policy.lockAfter
	};
}

/**
 * The state after counting one more attempt. The database applies the same rule in one statement
 * (throttle-queries.ts `countSignInAttempt`); this copy documents it and is tested against it.
 * A window that has passed, or a lock that has ended, starts afresh; a live lock is left as it is.
 */
export function countAttempt(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
	if (state?.lockedUntil && state.lockedUntil > now) return state;
	const fresh = !state || state.lockedUntil !== null || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
	return fresh ? { failures: 1, windowStartedAt: now, lockedUntil: null } : { ...state, failures: state.failures + 1 };
}
