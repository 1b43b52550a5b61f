import { describe, expect, it } from 'vitest';
import { generateSecretToken, hashToken } from './session-token';
import { isSessionExpired, SESSION_LIFETIME_MS, sessionExpiryFrom, shouldRenewSession } from './session-expiry';

describe('session tokens', () => {
	it('are 32 base32 characters carrying 160 random bits, never repeated', () => {
		const tokens = new Set(Array.from({ length: 1_000 }, generateSecretToken));
		expect(tokens.size).toBe(1_000);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored as their SHA-256 in hex, which is not the token itself', () => {
		// SHA-256("abc") is a published test vector (FIPS 180-2).
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		const token = generateSecretToken();
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
	});
});

describe('session expiry', () => {
	const now = new Date('2026-11-23T00:00:00Z');
	const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

	it('lasts 30 days', () => {
		expect(sessionExpiryFrom(now).getTime() - now.getTime()).toBe(SESSION_LIFETIME_MS);
		expect(sessionExpiryFrom(now)).toEqual(inDays(30));
	});

	it('is expired from its expiry instant on', () => {
		expect(isSessionExpired(inDays(1), now)).toBe(false);
		expect(isSessionExpired(now, now)).toBe(true);
		expect(isSessionExpired(inDays(-1), now)).toBe(true);
	});

	it('is renewed only in the second half of its life, and never once expired', () => {
		expect(shouldRenewSession(inDays(20), now)).toBe(false);
		expect(shouldRenewSession(inDays(15), now)).toBe(false);
		expect(shouldRenewSession(inDays(14), now)).toBe(true);
		expect(shouldRenewSession(inDays(0), now)).toBe(false);
	});
});
