import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { DomainError } from '../../src/lib/server/domain-error';
import { newUser, TEST_PASSWORD } from '../fixtures/factories';

const context = () => ({ ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, now: new Date() });
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as DomainError);

describe('sign-in', () => {
	it('opens a session with the right password, whatever the case of the e-mail', async () => {
		const user = await newUser();
		const result = await signIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, context());
		expect(result.user.id).toBe(user.id);
		expect(result.token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('answers a wrong password and an unknown address alike', async () => {
		const user = await newUser();
		const wrong = await failureOf(signIn({ email: user.email, password: 'wrong password' }, context()));
		const unknown = await failureOf(signIn({ email: `${randomUUID()}@example.test`, password: TEST_PASSWORD }, context()));
		expect(wrong?.code).toBe('invalid_credentials');
		expect(unknown?.code).toBe('invalid_credentials');
	});

	it('refuses an account for 15 minutes after five failures, even with the right password then', async () => {
		const user = await newUser();
		const codes: string[] = [];
		for (let attempt = 0; attempt < 5; attempt++) {
			codes.push((await failureOf(signIn({ email: user.email, password: `guess ${attempt}` }, context())))!.code);
		}
		expect(codes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'sign_in_locked']);
		const locked = await failureOf(signIn({ email: user.email, password: TEST_PASSWORD }, context()));
		expect(locked?.code).toBe('sign_in_locked');
		expect(locked?.details.minutes).toBe(15);
		const later = { ip: '10.9.9.9', now: new Date(Date.now() + 16 * 60_000) };
		expect((await signIn({ email: user.email, password: TEST_PASSWORD }, later)).user.id).toBe(user.id);
	}, 30_000);

	it('slows the third and fourth failures down', async () => {
		const user = await newUser();
		const timings: number[] = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			const started = performance.now();
			await failureOf(signIn({ email: user.email, password: 'nope' }, context()));
			timings.push(performance.now() - started);
		}
		expect(timings[2]).toBeGreaterThanOrEqual(480);
		expect(timings[3]).toBeGreaterThanOrEqual(980);
	}, 30_000);

	it('forgets earlier failures after a success', async () => {
		const user = await newUser();
		for (let attempt = 0; attempt < 4; attempt++) await failureOf(signIn({ email: user.email, password: 'nope' }, context()));
		await signIn({ email: user.email, password: TEST_PASSWORD }, context());
		const next = await failureOf(signIn({ email: user.email, password: 'nope' }, context()));
		expect(next?.code).toBe('invalid_credentials');
	}, 30_000);
});
