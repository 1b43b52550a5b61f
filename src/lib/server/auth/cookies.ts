import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

// `secure` follows the site's own scheme: always on behind https, and off on a plain-http venue
// network, where a secure cookie would never be sent back and judges could not sign in.
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
