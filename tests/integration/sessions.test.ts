import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession, invalidateSession, invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/session-token';
import { newUser } from '../fixtures/factories';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 10, 23) + days * DAY);

describe('sessions', () => {
	it('store only the hash of the token, and the token finds its person', async () => {
		const user = await newUser();
		const { token, session } = await createSession(db(), user.id, at(0));
		const stored = await db()`select id from session where user_id = ${user.id}`;
		expect(stored.map((row) => row.id)).toEqual([hashToken(token)]);
		expect(stored[0]!.id).not.toBe(token);
		const result = await validateSessionToken(db(), token, at(1));
		expect(result.user?.id).toBe(user.id);
		expect(result.session?.expiresAt).toEqual(session.expiresAt);
		expect(result.renewed).toBe(false);
	});

	it('slide the expiry forward once past half their life', async () => {
		const user = await newUser();
		const { token } = await createSession(db(), user.id, at(0));
		const renewed = await validateSessionToken(db(), token, at(20));
		expect(renewed.session?.expiresAt).toEqual(at(50));
		expect(renewed.renewed).toBe(true);
		const [row] = await db()`select expires_at from session where id = ${hashToken(token)}`;
		expect(row!.expiresAt).toEqual(at(50));
	});

	it('end at their expiry and are deleted then', async () => {
		const user = await newUser();
		const { token } = await createSession(db(), user.id, at(0));
		expect((await validateSessionToken(db(), token, at(30))).user).toBeNull();
		expect(await db()`select 1 from session where id = ${hashToken(token)}`).toHaveLength(0);
	});

	it('stop working when invalidated, one or all but the current', async () => {
		const user = await newUser();
		const first = await createSession(db(), user.id, at(0));
		const second = await createSession(db(), user.id, at(0));
		const third = await createSession(db(), user.id, at(0));
		await invalidateSession(db(), first.session.id);
		expect((await validateSessionToken(db(), first.token, at(1))).user).toBeNull();
		await invalidateUserSessions(db(), user.id, third.session.id);
		expect((await validateSessionToken(db(), second.token, at(1))).user).toBeNull();
		expect((await validateSessionToken(db(), third.token, at(1))).user?.id).toBe(user.id);
	});

	it('reject a made-up token', async () => {
		expect((await validateSessionToken(db(), 'not-a-token', at(0))).session).toBeNull();
	});
});
