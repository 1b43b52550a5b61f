import { describe, expect, it } from 'vitest';
import { INVITATION_LIFETIME_MS, invitationExpiryFrom, invitationStatus, isInvitedAddress } from './invitation';

const now = new Date('2026-11-30T04:00:00Z');
const open = { expiresAt: invitationExpiryFrom(now), acceptedAt: null, revokedAt: null };

describe('membership invitations', () => {
	it('are pending for a week, then expired', () => {
		expect(invitationStatus(open, now)).toBe('pending');
		expect(invitationStatus(open, new Date(now.getTime() + INVITATION_LIFETIME_MS - 1))).toBe('pending');
		expect(invitationStatus(open, new Date(now.getTime() + INVITATION_LIFETIME_MS))).toBe('expired');
	});

	it('stay accepted or revoked whatever the time', () => {
		expect(invitationStatus({ ...open, acceptedAt: now }, now)).toBe('accepted');
		expect(invitationStatus({ ...open, revokedAt: now }, new Date(now.getTime() + INVITATION_LIFETIME_MS * 2))).toBe('revoked');
	});

	it('belong to the address they were sent to, in any case', () => {
		expect(isInvitedAddress('wang@example.test', 'Wang@Example.TEST')).toBe(true);
		expect(isInvitedAddress('wang@example.test', 'li@example.test')).toBe(false);
	});
});
