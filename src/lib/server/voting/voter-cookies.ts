import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { clientAddress } from '../auth/guards';
import type { VoterContext } from './cast-vote';
import { newVoterToken, readVerifiedVoter, readVoterToken, verifiedCookieName, VOTER_COOKIE, VOTER_COOKIE_MAX_AGE } from './voter-identity';

/** This device's voter token id, issuing a token (an httpOnly cookie for a year) when it has none or a forged one. */
export function ensureVoterToken(cookies: Cookies, url: URL): string {
	const existing = readVoterToken(cookies.get(VOTER_COOKIE));
	if (existing) return existing;
	const token = newVoterToken();
	cookies.set(VOTER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: VOTER_COOKIE_MAX_AGE });
	return readVoterToken(token)!;
}

/** Who is voting, from the request: device token, verified phone (if any), address and user agent. */
export function voterContext(event: RequestEvent, roundId: string, now: Date): VoterContext {
	return {
		deviceTokenId: ensureVoterToken(event.cookies, event.url),
		verifiedVoterKey: readVerifiedVoter(event.cookies.get(verifiedCookieName(roundId)), roundId, now),
		address: clientAddress(event),
		userAgent: event.request.headers.get('user-agent')
	};
}

export function setVerifiedVoterCookie(cookies: Cookies, url: URL, roundId: string, value: string, expiresAt: Date): void {
	cookies.set(verifiedCookieName(roundId), value, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires: expiresAt });
}
