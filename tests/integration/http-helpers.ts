import { inject } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession } from '../../src/lib/server/auth/session';

/** A form POST to the real server, as a browser without JavaScript sends it (same origin, no redirect following). */
export function postForm(path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
	const app = inject('appUrl');
	return fetch(`${app}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		redirect: 'manual',
		headers: { origin: app, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }
	});
}

export function get(path: string, cookie?: string): Promise<Response> {
	return fetch(`${inject('appUrl')}${path}`, { redirect: 'manual', headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
}

/** A session cookie for the person, as if they had signed in at `now`. */
export async function sessionCookie(userId: string, now = new Date()): Promise<string> {
	return `jiangxin_session=${(await createSession(db(), userId, now)).token}`;
}

/** The HTTP tests all come from 127.0.0.1: forget that address's sign-in counter between them. */
export async function forgetLoopbackSignIns(): Promise<void> {
	await db()`delete from sign_in_throttle where key like 'ip:%127.0.0.1' or key like 'ip:::1' or key = 'ip:unknown'`;
}
