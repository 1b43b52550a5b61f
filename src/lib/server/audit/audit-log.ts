import type { Db } from '../db/client';
import { actorLabel, type Actor, type OrgActor } from '../auth/actor';

export interface AuditEntry {
	action: string;
	subjectType: string;
	subjectId?: string | null;
	/** The subject in words as it is called now, e.g. a competition's title (shown after it is renamed or removed). */
	subjectLabel?: string;
	before?: unknown;
	after?: unknown;
}

/**
 * Appends one row to the audit log, inside the caller's transaction so the record and the change
 * commit or roll back together. The table refuses updates and deletes.
 */
export async function recordAudit(db: Db, actor: Actor | OrgActor, entry: AuditEntry, organisationId?: string): Promise<void> {
	const orgId = organisationId ?? ('organisation' in actor ? actor.organisation.id : null);
	await db`
		insert into audit_log (organisation_id, actor_user_id, actor_label, action, subject_type, subject_id, subject_label, before, after, ip, request_id)
		values (${orgId}, ${actor.user.id}, ${actorLabel(actor)}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null}, ${entry.subjectLabel?.slice(0, 500) ?? null},
			${entry.before === undefined ? null : db.json(entry.before as never)},
			${entry.after === undefined ? null : db.json(entry.after as never)},
			${actor.ip}, ${actor.requestId})`;
}
