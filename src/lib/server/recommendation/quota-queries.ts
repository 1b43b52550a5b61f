import type { Evidence } from '$lib/domain/recommendation/evidence';
import type { Db } from '../db/client';

// The parent's side of upward recommendation: the quotas it opened on its competitions, found by the
// parent organisation (nomination_quota.organisation_id). The child reads its invitations through
// invitation-queries.ts, by child_organisation_id.

export interface QuotaRow {
	id: string;
	competitionId: string;
	eventId: string;
	eventName: string;
	childOrganisationId: string;
	childOrganisationName: string;
	childOrganisationSlug: string;
	quota: number;
	/** Recommendations not withdrawn. */
	used: number;
	createdAt: Date;
}

const USED = (db: Db) => db`(select count(*)::int from recommendation r where r.parent_organisation_id = q.organisation_id and r.quota_id = q.id and r.status = 'active')`;

export function listQuotas(db: Db, organisationId: string, competitionId: string): Promise<QuotaRow[]> {
	return db<QuotaRow[]>`
		select q.id, q.competition_id, q.event_id, ev.name as event_name, q.child_organisation_id, o.name as child_organisation_name,
			o.slug as child_organisation_slug, q.quota, ${USED(db)} as used, q.created_at
		from nomination_quota q
		join event ev on ev.organisation_id = q.organisation_id and ev.id = q.event_id
		join organisation o on o.id = q.child_organisation_id
		where q.organisation_id = ${organisationId} and q.competition_id = ${competitionId}
		order by ev.position, o.name, q.created_at`;
}

/** One quota of the competition, locked for the transaction (recommendations take the same lock). */
export async function lockQuota(db: Db, organisationId: string, competitionId: string, quotaId: string): Promise<QuotaRow | undefined> {
	// The lock first, then the count in a statement of its own (a snapshot taken after the lock).
	await db`select 1 from nomination_quota where organisation_id = ${organisationId} and competition_id = ${competitionId} and id = ${quotaId} for update`;
	const [row] = await db<QuotaRow[]>`
		select q.id, q.competition_id, q.event_id, ev.name as event_name, q.child_organisation_id, o.name as child_organisation_name,
			o.slug as child_organisation_slug, q.quota, ${USED(db)} as used, q.created_at
		from nomination_quota q
		join event ev on ev.organisation_id = q.organisation_id and ev.id = q.event_id
		join organisation o on o.id = q.child_organisation_id
		where q.organisation_id = ${organisationId} and q.competition_id = ${competitionId} and q.id = ${quotaId}`;
	return row;
}

export async function insertQuota(
	db: Db,
	organisationId: string,
	input: { competitionId: string; eventId: string; childOrganisationId: string; quota: number; createdBy: string }
): Promise<{ id: string } | undefined> {
	// The event must be the competition's own: the composite keys would accept another competition's event.
	const [row] = await db<{ id: string }[]>`
		insert into nomination_quota (organisation_id, competition_id, event_id, child_organisation_id, quota, created_by)
		select ${organisationId}, ev.competition_id, ev.id, ${input.childOrganisationId}, ${input.quota}, ${input.createdBy}
		from event ev where ev.organisation_id = ${organisationId} and ev.competition_id = ${input.competitionId} and ev.id = ${input.eventId}
		returning id`;
	return row;
}

export async function updateQuota(db: Db, organisationId: string, quotaId: string, quota: number): Promise<number> {
	const rows = await db`update nomination_quota set quota = ${quota}, updated_at = now() where organisation_id = ${organisationId} and id = ${quotaId}`;
	return rows.count;
}

export async function deleteQuota(db: Db, organisationId: string, quotaId: string): Promise<number> {
	const rows = await db`delete from nomination_quota where organisation_id = ${organisationId} and id = ${quotaId}`;
	return rows.count;
}

/** What the parent's screening shows beside a recommended entry: where it comes from and what it won. */
export interface EntryEvidence extends Evidence {
	recommendationId: string;
	targetEntryId: string;
	status: 'active' | 'withdrawn';
	createdAt: Date;
}

/** The evidence of the parent's entries that came as recommendations (the snapshot kept with each). */
export function listEntryEvidence(db: Db, organisationId: string, entryIds: string[]): Promise<EntryEvidence[]> {
	if (entryIds.length === 0) return Promise.resolve([]);
	return db<EntryEvidence[]>`
		select id as recommendation_id, target_entry_id, source_organisation_name, source_competition_title, source_event_name, rank, ranked_count,
			total, tier_label, special_award, certificate_serial, certificate_code, note, status, created_at
		from recommendation
		where parent_organisation_id = ${organisationId} and target_entry_id = any(${entryIds}::uuid[])
		order by created_at`;
}

/** The evidence of every recommended entry of one of the parent's competitions. */
export function listCompetitionEvidence(db: Db, organisationId: string, competitionId: string): Promise<EntryEvidence[]> {
	return db<EntryEvidence[]>`
		select r.id as recommendation_id, r.target_entry_id, r.source_organisation_name, r.source_competition_title, r.source_event_name, r.rank, r.ranked_count,
			r.total, r.tier_label, r.special_award, r.certificate_serial, r.certificate_code, r.note, r.status, r.created_at
		from recommendation r join entry e on e.organisation_id = r.parent_organisation_id and e.id = r.target_entry_id
		where r.parent_organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		order by r.created_at`;
}
