import type { MemberRow } from '../organisations/service';
import type { AuditRow } from '../audit/service';

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
