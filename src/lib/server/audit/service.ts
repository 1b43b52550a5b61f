import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { requireRole } from '../auth/roles';
import { listAuditActions, listAuditRows, type AuditFilter, type AuditRow } from './queries';

export { recordAudit } from './audit-log';
export type { AuditRow };

export const AUDIT_PAGE_SIZE = 50;

/** An owner reads their organisation's log, newest first, filtered and a page at a time. */
export async function readAuditLog(
	actor: OrgActor,
	filter: Omit<AuditFilter, 'limit'>
): Promise<{ rows: AuditRow[]; actions: string[]; nextBeforeId: string | null }> {
	requireRole(actor, ['owner']);
	const [rows, actions] = await Promise.all([
		listAuditRows(db(), actor.organisation.id, { ...filter, limit: AUDIT_PAGE_SIZE + 1 }),
		listAuditActions(db(), actor.organisation.id)
	]);
	const hasMore = rows.length > AUDIT_PAGE_SIZE;
	const page = rows.slice(0, AUDIT_PAGE_SIZE);
	return { rows: page, actions, nextBeforeId: hasMore ? (page.at(-1)?.id ?? null) : null };
}
