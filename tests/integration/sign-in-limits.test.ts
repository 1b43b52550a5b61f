import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { accountThrottleKey, signIn } from '../../src/lib/server/auth/sign-in';
import { countSignInAttempt, getThrottleState } from '../../src/lib/server/auth/throttle-queries';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from '../../src/lib/domain/sign-in-throttle/throttle';
import { DomainError } from '../../src/lib/server/domain-error';
import { newUser, TEST_PASSWORD } from '../fixtures/factories';
import { forgetLoopbackSignIns, postForm } from './http-helpers';

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as DomainError);
const signInOverHttp = (email: string, password: string) => postForm('/login', { email, password });

async function sessionsOf(userId: string): Promise<number> {
	const rows = await db()`select 1 from session where user_id = ${userId}`;
	return rows.length;
}

async function waitForAttempts(email: string, count: number): Promise<void> {
	for (let tries = 0; tries < 200; tries++) {
		const state = await getThrottleState(db(), accountThrottleKey(email));
		if (state && (state.failures >= count || state.lockedUntil)) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`fewer than ${count} attempts were counted`);
}

describe('sign-in limits under concurrency, over HTTP', () => {
	beforeEach(() => forgetLoopbackSignIns());

	it('answers at most four of 24 simultaneous wrong passwords as wrong, then keeps the account locked', async () => {
		const user = await newUser();
		const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => signInOverHttp(user.email, `wrong ${i}`)));
		const statuses = responses.map((response) => response.status).sort();
		// Four wrong answers, the fifth check locks (429), every other attempt is refused unchecked.
		expect(statuses.filter((status) => status === 400)).toHaveLength(4);
		expect(statuses.filter((status) => status === 429)).toHaveLength(20);
		const state = await getThrottleState(db(), accountThrottleKey(user.email));
		expect(state?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

		const right = await signInOverHttp(user.email, TEST_PASSWORD);
		expect(right.status).toBe(429);
		expect(right.headers.get('set-cookie') ?? '').not.toContain('jiangxin_session=');
		expect(await sessionsOf(user.id)).toBe(0);
	}, 60_000);

	// Also the guard that no password is checked beyond the limit: the right one arrives after five
	// attempts were counted, so checking it at all would sign in.
	it('does not let the right password through a burst of fifteen wrong ones', async () => {
		const user = await newUser();
		const wrong = Array.from({ length: 15 }, (_, i) => signInOverHttp(user.email, `guess ${i}`));
		await waitForAttempts(user.email, ACCOUNT_POLICY.lockAfter);
		const right = await signInOverHttp(user.email, TEST_PASSWORD);
		const statuses = (await Promise.all(wrong)).map((response) => response.status);
		expect(right.status).toBe(429);
		expect(statuses.filter((status) => status === 400).length).toBeLessThanOrEqual(4);
		expect(await sessionsOf(user.id)).toBe(0);
		expect((await signInOverHttp(user.email, TEST_PASSWORD)).status).toBe(429);
	}, 60_000);

	it('still signs in with the right password after a few misses', async () => {
		const user = await newUser();
		expect((await signInOverHttp(user.email, 'one miss')).status).toBe(400);
		const right = await signInOverHttp(user.email, TEST_PASSWORD);
		expect(right.status).toBe(303);
		expect(right.headers.get('set-cookie')).toContain('jiangxin_session=');
	});
});

describe('sign-in limits in the database', () => {
	it('checks at most 30 passwords from one address, however many accounts it tries at once', async () => {
		const ip = `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 40 }, () => failureOf(signIn({ email: `${randomUUID()}@example.test`, password: 'x' }, { ip, now })))
		);
		const codes = results.map((error) => error?.code);
		expect(codes.filter((code) => code === 'invalid_credentials')).toHaveLength(ADDRESS_POLICY.lockAfter - 1);
		expect(codes.filter((code) => code === 'sign_in_locked')).toHaveLength(40 - ADDRESS_POLICY.lockAfter + 1);
		const user = await newUser();
		expect((await failureOf(signIn({ email: user.email, password: TEST_PASSWORD }, { ip, now: new Date() })))?.code).toBe('sign_in_locked');
	}, 60_000);

	it('does not count good sign-ins from a shared address against it', async () => {
		const ip = `10.67.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const users = await Promise.all(Array.from({ length: ADDRESS_POLICY.lockAfter + 5 }, () => newUser()));
		for (const user of users) await signIn({ email: user.email, password: TEST_PASSWORD }, { ip, now: new Date() });
		const state = await getThrottleState(db(), `ip:${ip}`);
		expect(state?.failures).toBe(0);
	}, 60_000);

	it('keeps one count across separate connections, as separate app processes would have', async () => {
		const options = { max: 2, onnotice: () => {}, transform: { column: { from: postgres.toCamel, to: postgres.fromCamel } } };
		const first = postgres(inject('databaseUrl'), options);
		const second = postgres(inject('databaseUrl'), options);
		try {
			const key = `account:${randomUUID()}@example.test`;
			const now = new Date();
			const counts = await Promise.all(
				Array.from({ length: 12 }, (_, i) => countSignInAttempt(i % 2 ? first : second, key, now, ACCOUNT_POLICY))
			);
			expect(counts.map((state) => state.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
			expect((await getThrottleState(second, key))?.failures).toBe(12);
			const afterWindow = new Date(now.getTime() + ACCOUNT_POLICY.windowMs);
			expect((await countSignInAttempt(first, key, afterWindow, ACCOUNT_POLICY)).failures).toBe(1);
		} finally {
			await Promise.all([first.end(), second.end()]);
		}
	});

	it('keeps a lock when the sign-in module is loaded afresh, as after a restart', async () => {
		const user = await newUser();
		for (let attempt = 0; attempt < ACCOUNT_POLICY.lockAfter; attempt++) {
			await failureOf(signIn({ email: user.email, password: `guess ${attempt}` }, { ip: '10.68.0.1', now: new Date() }));
		}
		vi.resetModules();
		const restarted = await import('../../src/lib/server/auth/sign-in');
		expect(restarted.signIn).not.toBe(signIn);
		const refused = await failureOf(restarted.signIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.68.0.2', now: new Date() }));
		expect(refused?.code).toBe('sign_in_locked');
	}, 30_000);
});
