/** Failed sign-ins recorded for one key (an account or a client address) within the current window. */
export interface ThrottleState {
	failures: number;
	windowStartedAt: Date;
	lockedUntil: Date | null;
}

export interface ThrottlePolicy {
	/** Failures older than this no longer count. */
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

/** Whether a sign-in may be attempted now; a locked key is refused until its lock ends. */
export function checkSignInAllowed(state: ThrottleState | null, now: Date): ThrottleVerdict {
	if (!state?.lockedUntil || state.lockedUntil <= now) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) };
}

/**
 * Counts one more failure. A window that has passed starts afresh. Returns the new state and how long
 * to hold the answer back: nothing for the first few failures, then a growing delay, then a lock.
 */
export function recordSignInFailure(
	state: ThrottleState | null,
	now: Date,
	policy: ThrottlePolicy
): { state: ThrottleState; delayMs: number } {
	const windowOpen = state !== null && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
	const failures = windowOpen ? state.failures + 1 : 1;
	const windowStartedAt = windowOpen ? state.windowStartedAt : now;
	const locked = failures >= policy.lockAfter;
	const delayMs = Math.min(Math.max(0, failures - policy.freeFailures) * policy.delayStepMs, policy.maxDelayMs);
	return {
		state: {
			failures: locked ? 0 : failures,
			windowStartedAt: locked ? now : windowStartedAt,
			lockedUntil: locked ? new Date(now.getTime() + policy.lockMs) : null
		},
		delayMs
	};
}
