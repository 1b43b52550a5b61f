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

/**
 * Appends many rows in one statement (an import of 10,000 entries writes 10,000 readable rows without
 * 10,000 round trips), in the caller's transaction.
 */
export async function recordAuditBatch(db: Db, actor: Actor | OrgActor, entries: AuditEntry[], organisationId?: string): Promise<void> {
	if (entries.length === 0) return;
	const orgId = organisationId ?? ('organisation' in actor ? actor.organisation.id : null);
	// One JSON parameter: postgres.js escaping every quote of every row's before/after as an element of
	// a text array cost more than JSON.stringify and PostgreSQL's parse of the same text. before/after
	// travel as JSON text (nested as jsonb they parsed twice as slowly), and an absent or null one is SQL
	// null, as recordAudit stores it.
	const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
	const rows = entries.map((entry) => ({ action: entry.action, subject_type: entry.subjectType, subject_id: entry.subjectId ?? null, subject_label: entry.subjectLabel?.slice(0, 500) ?? null, before: json(entry.before), after: json(entry.after) }));
	await db`
		insert into audit_log (organisation_id, actor_user_id, actor_label, action, subject_type, subject_id, subject_label, before, after, ip, request_id)
		select ${orgId}, ${actor.user.id}, ${actorLabel(actor)}, action, subject_type, subject_id, subject_label, before::jsonb, after::jsonb, ${actor.ip}, ${actor.requestId}
		from rows from (json_to_recordset(${JSON.stringify(rows)}::text::json) as (action text, subject_type text, subject_id text, subject_label text, before text, after text))
			with ordinality as input(action, subject_type, subject_id, subject_label, before, after, ordinal)
		order by ordinal`;
}
