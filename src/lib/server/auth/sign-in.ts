import { setTimeout as sleep } from 'node:timers/promises';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	checkSignInAllowed,
	recordSignInFailure
} from '$lib/domain/sign-in-throttle/throttle';
import { getDummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';
import { deleteThrottleState, getThrottleStates, saveThrottleState } from './throttle-queries';
import { getUserByEmail, type UserRow } from './user-queries';

export interface SignInContext {
	ip: string | null;
	now: Date;
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

/**
 * Checks a password against an account under the sign-in limits. A wrong password and an unknown
 * address answer alike; repeated failures are slowed, then refused for a while (DomainError
 * `sign_in_locked` with the minutes to wait).
 */
export async function signIn(
	credentials: { email: string; password: string },
	context: SignInContext
): Promise<{ user: UserRow; token: string; expiresAt: Date }> {
	const keys = [accountKey(credentials.email), addressKey(context.ip)];
	const states = await getThrottleStates(db(), keys);
	for (const key of keys) {
		const verdict = checkSignInAllowed(states.get(key) ?? null, context.now);
		if (!verdict.allowed) throw lockedError(verdict.retryAfterSeconds * 1000);
	}
	const found = await getUserByEmail(db(), credentials.email.trim());
	const valid = await verifyPassword(found?.passwordHash ?? (await getDummyPasswordHash()), credentials.password);
	if (!found || !valid) {
		const { delayMs, lockedUntil } = await recordFailure(keys, context.now);
		if (lockedUntil) throw lockedError(lockedUntil.getTime() - context.now.getTime());
		if (delayMs > 0) await sleep(delayMs);
		throw new DomainError('invalid_credentials', {}, 'password');
	}
	await deleteThrottleState(db(), keys[0]!);
	const { passwordHash: _passwordHash, ...user } = found;
	const { token, session } = await createSession(db(), user.id, context.now);
	return { user, token, expiresAt: session.expiresAt };
}

function lockedError(waitMs: number): DomainError {
	return new DomainError('sign_in_locked', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
}

async function recordFailure(keys: string[], now: Date): Promise<{ delayMs: number; lockedUntil: Date | null }> {
	return db().begin(async (tx) => {
		const states = await getThrottleStates(tx, keys);
		let delayMs = 0;
		let lockedUntil: Date | null = null;
		for (const [index, key] of keys.entries()) {
			const policy = index === 0 ? ACCOUNT_POLICY : ADDRESS_POLICY;
			const result = recordSignInFailure(states.get(key) ?? null, now, policy);
			await saveThrottleState(tx, key, result.state);
			delayMs = Math.max(delayMs, result.delayMs);
			lockedUntil ??= result.state.lockedUntil;
		}
		return { delayMs, lockedUntil };
	});
}
