import type { Db } from '../db/client';

export interface AuditRow {
	id: string;
	actorLabel: string;
	action: string;
	subjectType: string;
	subjectId: string | null;
	before: unknown;
	after: unknown;
	ip: string | null;
	createdAt: Date;
}

export interface AuditFilter {
	action?: string;
	actor?: string;
	from?: Date;
	/** Exclusive upper bound. */
	until?: Date;
	/** Keyset pagination: rows older than this id. */
	beforeId?: string;
	limit: number;
}

export async function listAuditRows(db: Db, organisationId: string, filter: AuditFilter): Promise<AuditRow[]> {
	return db<AuditRow[]>`
		select id::text, actor_label, action, subject_type, subject_id, before, after, ip, created_at
		from audit_log
		where organisation_id = ${organisationId}
			${filter.action ? db`and action like ${filter.action.replace(/[\\%_]/g, '\\$&') + '%'}` : db``}
			${filter.actor ? db`and actor_label ilike ${'%' + filter.actor.replace(/[\\%_]/g, '\\$&') + '%'}` : db``}
			${filter.from ? db`and created_at >= ${filter.from}` : db``}
			${filter.until ? db`and created_at < ${filter.until}` : db``}
			${filter.beforeId ? db`and id < ${filter.beforeId}` : db``}
		order by audit_log.id desc
		limit ${filter.limit}`;
}

export async function listAuditActions(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db<{ action: string }[]>`
		select distinct action from audit_log where organisation_id = ${organisationId} order by action`;
	return rows.map((row) => row.action);
}
