/** An invitation link works for a week; after that the owner invites again. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export function invitationExpiryFrom(now: Date): Date {
	return new Date(now.getTime() + INVITATION_LIFETIME_MS);
}

export function invitationStatus(
	invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
	now: Date
): InvitationStatus {
	if (invitation.acceptedAt) return 'accepted';
	if (invitation.revokedAt) return 'revoked';
	return now.getTime() >= invitation.expiresAt.getTime() ? 'expired' : 'pending';
}

/** Only the person the invitation was addressed to may accept it (addresses compare case-insensitively). */
export function isInvitedAddress(invitationEmail: string, accountEmail: string): boolean {
	return invitationEmail.trim().toLowerCase() === accountEmail.trim().toLowerCase();
}
