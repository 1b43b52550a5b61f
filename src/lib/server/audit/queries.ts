import type { Db } from '../db/client';

export interface AuditRow {
	id: string;
	actorLabel: string;
	action: string;
	subjectType: string;
	subjectId: string | null;
	/** The subject in words: its current name while it exists, else the name it had when the entry was written. */
	subjectLabel: string | null;
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
	// The page first, then each row's subject named (current name first, always within the organisation).
	return db<AuditRow[]>`
		with page as (
			select id, organisation_id, actor_label, action, subject_type, subject_id, subject_label, before, after, ip, created_at
			from audit_log
			where organisation_id = ${organisationId}
				${filter.action ? db`and action like ${filter.action.replace(/[\\%_]/g, '\\$&') + '%'}` : db``}
				${filter.actor ? db`and actor_label ilike ${'%' + filter.actor.replace(/[\\%_]/g, '\\$&') + '%'}` : db``}
				${filter.from ? db`and created_at >= ${filter.from}` : db``}
				${filter.until ? db`and created_at < ${filter.until}` : db``}
				${filter.beforeId ? db`and id < ${filter.beforeId}` : db``}
			order by id desc
			limit ${filter.limit}
		)
		select page.id::text, actor_label, action, subject_type, subject_id, before, after, ip, created_at,
			coalesce(
				case subject_type
					when 'competition' then (select c.title from competition c where c.organisation_id = page.organisation_id and c.id::text = page.subject_id)
					when 'event' then (select e.name from event e where e.organisation_id = page.organisation_id and e.id::text = page.subject_id)
					when 'round' then (
						select e.name || ' · ' || r.name from round r join event e on e.id = r.event_id
						where r.organisation_id = page.organisation_id and r.id::text = page.subject_id)
					when 'user' then (
						select u.display_name from app_user u join membership ms on ms.user_id = u.id
						where ms.organisation_id = page.organisation_id and u.id::text = page.subject_id)
					when 'api_token' then (select t.name from api_token t where t.organisation_id = page.organisation_id and t.id::text = page.subject_id)
					when 'organisation' then (select o.name from organisation o where o.id = page.organisation_id and o.id::text = page.subject_id)
				end,
				subject_label
			) as subject_label
		from page
		order by page.id desc`;
}

export async function listAuditActions(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db<{ action: string }[]>`
		select distinct action from audit_log where organisation_id = ${organisationId} order by action`;
	return rows.map((row) => row.action);
}
