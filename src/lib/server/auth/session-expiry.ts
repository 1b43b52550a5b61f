const DAY_MS = 24 * 60 * 60 * 1000;

/** A session lives 30 days from its last renewal. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Renewed when less than half its life remains, so an active user is never signed out. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export function sessionExpiryFrom(now: Date): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}

export function isSessionExpired(expiresAt: Date, now: Date): boolean {
	return now.getTime() >= expiresAt.getTime();
}

export function shouldRenewSession(expiresAt: Date, now: Date): boolean {
	return !isSessionExpired(expiresAt, now) && expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
}
