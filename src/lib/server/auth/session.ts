import type { Db } from '../db/client';
import type { UserRow } from './user-queries';
import { generateSecretToken, hashToken } from './session-token';
import { isSessionExpired, sessionExpiryFrom, shouldRenewSession } from './session-expiry';

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** `renewed`: the expiry moved, so the cookie must be written again with it. */
export type SessionValidation = { session: Session; user: UserRow; renewed: boolean } | { session: null; user: null; renewed: false };

export const SESSION_COOKIE = 'jiangxin_session';

/** Starts a session; the returned token goes into the cookie and is never stored. */
export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; session: Session }> {
	const token = generateSecretToken();
	const session: Session = { id: hashToken(token), userId, expiresAt: sessionExpiryFrom(now) };
	await db`insert into session (id, user_id, expires_at) values (${session.id}, ${userId}, ${session.expiresAt})`;
	return { token, session };
}

/** Looks a token up; deletes it when expired and slides its expiry when past half its life. */
export async function validateSessionToken(db: Db, token: string, now: Date): Promise<SessionValidation> {
	const sessionId = hashToken(token);
	const [row] = await db<(UserRow & { sessionExpiresAt: Date; userId: string })[]>`
		select s.expires_at as session_expires_at, s.user_id, u.id, u.email, u.phone, u.display_name, u.locale, u.is_platform_admin
		from session s join app_user u on u.id = s.user_id
		where s.id = ${sessionId}`;
	if (!row) return { session: null, user: null, renewed: false };
	const session: Session = { id: sessionId, userId: row.userId, expiresAt: row.sessionExpiresAt };
	if (isSessionExpired(session.expiresAt, now)) {
		await db`delete from session where id = ${sessionId}`;
		return { session: null, user: null, renewed: false };
	}
	const renewed = shouldRenewSession(session.expiresAt, now);
	if (renewed) {
		session.expiresAt = sessionExpiryFrom(now);
		await db`update session set expires_at = ${session.expiresAt} where id = ${sessionId}`;
	}
	const { id, email, phone, displayName, locale, isPlatformAdmin } = row;
	return { session, user: { id, email, phone, displayName, locale, isPlatformAdmin }, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db`delete from session where id = ${sessionId}`;
}

/** Signs a person out everywhere, e.g. after a password change (except the session given). */
/** Returns how many sessions ended. */
export async function invalidateUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
	const rows = await db`delete from session where user_id = ${userId} and id <> ${exceptSessionId ?? ''} returning id`;
	return rows.length;
}
