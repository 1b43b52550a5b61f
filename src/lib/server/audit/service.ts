import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { requireRole } from '../auth/roles';
import { listAuditActions, listAuditRows, type AuditRow } from './queries';
import type { AuditFilterInput } from '$lib/schemas/audit';
import { endOfContestDay, startOfContestDay } from '$lib/format';

export { recordAudit } from './audit-log';
export type { AuditRow };

export const AUDIT_PAGE_SIZE = 50;

/**
 * An owner reads their organisation's log, newest first, a page at a time. Days in the filter are
 * calendar days in China Standard Time, `until` included.
 */
export async function readAuditLog(
	actor: OrgActor,
	filter: AuditFilterInput
): Promise<{ rows: AuditRow[]; actions: string[]; nextBeforeId: string | null }> {
	requireRole(actor, ['owner']);
	const [rows, actions] = await Promise.all([
		listAuditRows(db(), actor.organisation.id, {
			action: filter.action,
			actor: filter.actor,
			from: filter.from ? startOfContestDay(filter.from) : undefined,
			until: filter.until ? endOfContestDay(filter.until) : undefined,
			beforeId: filter.before,
			limit: AUDIT_PAGE_SIZE + 1
		}),
		listAuditActions(db(), actor.organisation.id)
	]);
	const hasMore = rows.length > AUDIT_PAGE_SIZE;
	const page = rows.slice(0, AUDIT_PAGE_SIZE);
	return { rows: page, actions, nextBeforeId: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/** The newest few entries, for an organisation's overview page. */
export async function listRecentActivity(actor: OrgActor, limit: number): Promise<AuditRow[]> {
	requireRole(actor, ['owner']);
	return listAuditRows(db(), actor.organisation.id, { limit });
}
