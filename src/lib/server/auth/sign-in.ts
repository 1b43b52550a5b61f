import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	failureOutcome,
	judgeCountedAttempt,
	type ThrottlePolicy,
	type ThrottleState
} from '$lib/domain/sign-in-throttle/throttle';
import { getDummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';
import { countSignInAttempt, deleteThrottleState, lockThrottleKey, uncountSignInAttempt } from './throttle-queries';
import { getUserByLogin, type UserRow } from './user-queries';
import { parseLogin } from '$lib/domain/identity/login';

export interface SignInContext {
	ip: string | null;
	now: Date;
}

// The same login typed as "138 0013 8000" or "13800138000" is one account, and one throttle key.
export const accountThrottleKey = (login: string) => {
	const parsed = parseLogin(login);
	return `account:${parsed && 'phone' in parsed ? parsed.phone : login.trim().toLowerCase()}`;
};
export const addressThrottleKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

interface CountedAttempt {
	key: string;
	policy: ThrottlePolicy;
	state: ThrottleState;
}

/**
 * Checks a password against an account under the sign-in limits. A wrong password and an unknown
 * address answer alike; repeated failures are slowed, then refused for a while (DomainError
 * `sign_in_locked` with the minutes to wait). Each attempt is counted before its password is checked,
 * so however many arrive at once, at most the policy's number of passwords are ever checked.
 */
export async function signIn(
	credentials: { email: string; password: string },
	context: SignInContext
): Promise<{ user: UserRow; token: string; expiresAt: Date }> {
	const [account, address] = await countAttempts(credentials.email, context);
	for (const attempt of [account, address]) {
		const verdict = judgeCountedAttempt(attempt.state, context.now, attempt.policy);
		if (!verdict.allowed) throw lockedError(verdict.retryAfterSeconds * 1000);
	}
	// `email` is the login field: an e-mail address, or a mainland mobile number (contestants).
	const login = parseLogin(credentials.email);
	const found = login ? await getUserByLogin(db(), login) : undefined;
	const valid = await verifyPassword(found?.passwordHash ?? (await getDummyPasswordHash()), credentials.password);
	if (!found || !valid) {
		let delayMs = 0;
		let lockedMs = 0;
		for (const attempt of [account, address]) {
			const outcome = failureOutcome(attempt.state.failures, attempt.policy);
			delayMs = Math.max(delayMs, outcome.delayMs);
			if (outcome.lock) {
				await lockThrottleKey(db(), attempt.key, new Date(context.now.getTime() + attempt.policy.lockMs));
				lockedMs = Math.max(lockedMs, attempt.policy.lockMs);
			}
		}
		if (lockedMs > 0) throw lockedError(lockedMs);
		if (delayMs > 0) await sleep(delayMs);
		throw new DomainError('invalid_credentials', {}, 'password');
	}
	await deleteThrottleState(db(), account.key);
	await uncountSignInAttempt(db(), address.key, address.state.windowStartedAt);
	const { passwordHash: _passwordHash, ...user } = found;
	const { token, session } = await createSession(db(), user.id, context.now);
	return { user, token, expiresAt: session.expiresAt };
}

function lockedError(waitMs: number): DomainError {
	return new DomainError('sign_in_locked', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
}

/** Counts the attempt against the account and the client address, both or neither. */
function countAttempts(email: string, context: SignInContext): Promise<[CountedAttempt, CountedAttempt]> {
	return db().begin(async (tx) => {
		const accountKey = accountThrottleKey(email);
		const addressKey = addressThrottleKey(context.ip);
		return [
			{ key: accountKey, policy: ACCOUNT_POLICY, state: await countSignInAttempt(tx, accountKey, context.now, ACCOUNT_POLICY) },
			{ key: addressKey, policy: ADDRESS_POLICY, state: await countSignInAttempt(tx, addressKey, context.now, ADDRESS_POLICY) }
		] as [CountedAttempt, CountedAttempt];
	});
}
