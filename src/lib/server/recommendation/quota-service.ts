import { quotaMayBecome } from '$lib/domain/recommendation/rules';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadCompetition } from '../competitions/guards';
import { listEvents } from '../competitions/structure-queries';
import { getOrganisationBySlug } from '../organisations/queries';
import * as quotas from './quota-queries';

// The parent's side (issue 17, upward recommendation): its organisers open, change and close
// nomination quotas for child organisations on an event of their competition. Audited in the
// parent's log; the child sees the invitation on its own side.

export type { QuotaRow, EntryEvidence } from './quota-queries';

function quotaLabel(quota: Pick<quotas.QuotaRow, 'childOrganisationName' | 'eventName'>): string {
	return `${quota.childOrganisationName} → ${quota.eventName}`;
}

/** The competition is the actor's organisation's (not_found otherwise): forms check it before reading their fields. */
export async function requireOwnCompetition(actor: OrgActor, competitionId: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
}

/** The quota page: the competition, its events and the quotas given. */
export async function quotaPage(actor: OrgActor, competitionId: string) {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const [events, rows] = await Promise.all([listEvents(db(), actor.organisation.id, competitionId), quotas.listQuotas(db(), actor.organisation.id, competitionId)]);
	return { competition: { id: competition.id, title: competition.title, status: competition.status }, events: events.map(({ id, name }) => ({ id, name })), quotas: rows };
}

export async function listQuotas(actor: OrgActor, competitionId: string): Promise<quotas.QuotaRow[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	return quotas.listQuotas(db(), actor.organisation.id, competitionId);
}

export async function addQuota(actor: OrgActor, competitionId: string, input: { childOrganisation: string; eventId: string; quota: number }): Promise<quotas.QuotaRow> {
	requireRole(actor, MANAGER_ROLES);
	const child = await getOrganisationBySlug(db(), input.childOrganisation);
	if (!child || child.id === actor.organisation.id) throw new DomainError('nomination_child_unknown', {}, 'childOrganisation');
	try {
		return await db().begin(async (tx) => {
			await loadCompetition(tx, actor, competitionId);
			const inserted = await quotas.insertQuota(tx, actor.organisation.id, { competitionId, eventId: input.eventId, childOrganisationId: child.id, quota: input.quota, createdBy: actor.user.id });
			if (!inserted) throw new DomainError('not_found');
			const row = (await quotas.lockQuota(tx, actor.organisation.id, competitionId, inserted.id))!;
			await recordAudit(tx, actor, { action: 'nomination_quota.added', subjectType: 'nomination_quota', subjectId: row.id, subjectLabel: quotaLabel(row), after: { organisation: child.name, event: row.eventName, quota: row.quota } });
			return row;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'nomination_quota_event_id_child_organisation_id_key')) throw new DomainError('nomination_quota_exists', {}, 'childOrganisation');
		throw error;
	}
}

export async function changeQuota(actor: OrgActor, competitionId: string, quotaId: string, quota: number): Promise<quotas.QuotaRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const before = await quotas.lockQuota(tx, actor.organisation.id, competitionId, quotaId);
		if (!before) throw new DomainError('not_found');
		if (!quotaMayBecome(quota, before.used)) throw new DomainError('nomination_quota_below_used', { used: before.used }, 'quota');
		await quotas.updateQuota(tx, actor.organisation.id, quotaId, quota);
		await recordAudit(tx, actor, { action: 'nomination_quota.changed', subjectType: 'nomination_quota', subjectId: quotaId, subjectLabel: quotaLabel(before), before: { quota: before.quota }, after: { quota } });
		return { ...before, quota };
	});
}

/** Closes an invitation the child has not used (withdrawn recommendations aside). */
export async function removeQuota(actor: OrgActor, competitionId: string, quotaId: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const before = await quotas.lockQuota(tx, actor.organisation.id, competitionId, quotaId);
		if (!before) throw new DomainError('not_found');
		if (before.used > 0) throw new DomainError('nomination_quota_in_use');
		await quotas.deleteQuota(tx, actor.organisation.id, quotaId);
		await recordAudit(tx, actor, { action: 'nomination_quota.removed', subjectType: 'nomination_quota', subjectId: quotaId, subjectLabel: quotaLabel(before), before: { organisation: before.childOrganisationName, event: before.eventName, quota: before.quota } });
	});
}

/** The evidence beside the parent's recommended entries (screening list and entry page). */
export async function evidenceForEntries(actor: OrgActor, entryIds: string[]): Promise<Map<string, quotas.EntryEvidence>> {
	requireRole(actor, MANAGER_ROLES);
	const rows = await quotas.listEntryEvidence(db(), actor.organisation.id, entryIds);
	return new Map(rows.map((row) => [row.targetEntryId, row]));
}

/** Every recommended entry of the parent's competition with its evidence (the API's list). */
export async function listCompetitionEvidence(actor: OrgActor, competitionId: string): Promise<quotas.EntryEvidence[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	return quotas.listCompetitionEvidence(db(), actor.organisation.id, competitionId);
}
