import type { MemberRow } from '../organisations/service';
import type { AuditRow } from '../audit/service';
import type { CreatedInvitation, InvitationRow } from '../organisations/invitations';
import type { InvitationStatus } from '$lib/domain/membership/invitation';

/** How rows leave the API: stable names, ISO times, nothing internal. */
export function toApiMember(member: MemberRow) {
	return { userId: member.userId, email: member.email, displayName: member.displayName, role: member.role, joinedAt: member.createdAt.toISOString() };
}

export function toApiAuditEntry(row: AuditRow) {
	return {
		id: row.id,
		action: row.action,
		actor: row.actorLabel,
		subjectType: row.subjectType,
		subjectId: row.subjectId,
		subjectLabel: row.subjectLabel,
		before: row.before,
		after: row.after,
		ip: row.ip,
		at: row.createdAt.toISOString()
	};
}

export function toApiInvitation(invitation: InvitationRow & { status: InvitationStatus }) {
	return {
		id: invitation.id,
		email: invitation.email,
		role: invitation.role,
		status: invitation.status,
		invitedBy: invitation.invitedByName,
		createdAt: invitation.createdAt.toISOString(),
		expiresAt: invitation.expiresAt.toISOString()
	};
}

export function toApiCreatedInvitation(invitation: CreatedInvitation, acceptUrl: string) {
	return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), acceptUrl };
}
