import type { Evidence } from '$lib/domain/recommendation/evidence';
import type { Db } from '../db/client';
import type { NewMember } from '../registration/entry-queries';

// The child's side of upward recommendation, found by the child organisation: its invitations (quotas
// other organisations opened for it, by child_organisation_id) and its own recommendations
// (recommendation.organisation_id). Of the parent it reads only what an invitation names.

export interface InvitationRow {
	id: string;
	parentOrganisationId: string;
	parentOrganisationName: string;
	competitionId: string;
	competitionTitle: string;
	competitionStatus: string;
	eventId: string;
	eventName: string;
	participation: 'individual' | 'team';
	teamMinMembers: number;
	teamMaxMembers: number;
	quota: number;
	used: number;
}

const INVITATION = (db: Db) => db`
	select q.id, q.organisation_id as parent_organisation_id, o.name as parent_organisation_name, c.id as competition_id, c.title as competition_title,
		c.status as competition_status, ev.id as event_id, ev.name as event_name, ev.participation, ev.team_min_members, ev.team_max_members, q.quota,
		(select count(*)::int from recommendation r where r.parent_organisation_id = q.organisation_id and r.quota_id = q.id and r.status = 'active') as used
	from nomination_quota q
	join organisation o on o.id = q.organisation_id
	join competition c on c.organisation_id = q.organisation_id and c.id = q.competition_id
	join event ev on ev.organisation_id = q.organisation_id and ev.id = q.event_id`;

export function listInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
	return db<InvitationRow[]>`${INVITATION(db)} where q.child_organisation_id = ${organisationId} order by o.name, c.title, ev.position`;
}

/** One invitation of the child; `lock` takes the quota row's lock, which serialises recommendations to it. */
export async function getInvitation(db: Db, organisationId: string, quotaId: string, lock = false): Promise<InvitationRow | undefined> {
	// The lock first, then the count in a statement of its own: read committed gives that statement a
	// snapshot taken after the lock was granted, so it counts what the previous holder committed.
	if (lock) await db`select 1 from nomination_quota where child_organisation_id = ${organisationId} and id = ${quotaId} for update`;
	const [row] = await db<InvitationRow[]>`${INVITATION(db)} where q.child_organisation_id = ${organisationId} and q.id = ${quotaId}`;
	return row;
}

/** A winner of the child's final results (a placing with a tier or a special award), with its evidence. */
export interface CandidateRow extends Pick<Evidence, 'rank' | 'rankedCount' | 'total' | 'tierLabel' | 'specialAward' | 'certificateSerial' | 'certificateCode'> {
	resultVersionId: string;
	entryId: string;
	competitionTitle: string;
	eventName: string;
	roundName: string;
	holderName: string;
	unit: string;
	teamName: string | null;
	memberCount: number;
}

const CANDIDATE_COLUMNS = (db: Db) => db`
	select p.result_version_id, p.entry_id, c.title as competition_title, ev.name as event_name, r.name as round_name,
		coalesce(e.team_name, (select m.name from entry_member m where m.organisation_id = e.organisation_id and m.entry_id = e.id order by m.position limit 1), '') as holder_name,
		e.unit, e.team_name,
		(select count(*)::int from entry_member m where m.organisation_id = e.organisation_id and m.entry_id = e.id) as member_count,
		p.rank, (select count(*)::int from result_placing all_p where all_p.organisation_id = p.organisation_id and all_p.result_version_id = p.result_version_id) as ranked_count,
		p.total, p.tier_label, p.special_award, cert.serial as certificate_serial, cert.verification_code as certificate_code
	from round r
	join event ev on ev.organisation_id = r.organisation_id and ev.id = r.event_id
	join competition c on c.organisation_id = ev.organisation_id and c.id = ev.competition_id
	join result_placing p on p.organisation_id = r.organisation_id and p.result_version_id = r.final_version_id
	join entry e on e.organisation_id = p.organisation_id and e.id = p.entry_id
	left join lateral (
		select serial, verification_code from certificate ce
		where ce.organisation_id = p.organisation_id and ce.result_version_id = p.result_version_id and ce.entry_id = p.entry_id and ce.revoked_at is null
		order by ce.serial limit 1
	) cert on true`;

/** Every winner of the child's final results (a tier or a special award), newest competition first, then by event and rank. */
export function listCandidates(db: Db, organisationId: string): Promise<CandidateRow[]> {
	return db<CandidateRow[]>`
		${CANDIDATE_COLUMNS(db)}
		where r.organisation_id = ${organisationId} and r.final_version_id is not null and (p.tier_label is not null or p.special_award is not null)
		order by c.created_at desc, ev.position, r.position, p.rank, p.number nulls last limit 500`;
}

/** One placing of a FINAL version (the round's final one) of the child's own results, winner or not. */
export async function getFinalPlacing(db: Db, organisationId: string, resultVersionId: string, entryId: string): Promise<CandidateRow | undefined> {
	const [row] = await db<CandidateRow[]>`
		${CANDIDATE_COLUMNS(db)}
		where r.organisation_id = ${organisationId} and r.final_version_id = ${resultVersionId} and p.entry_id = ${entryId}`;
	return row;
}

/** The people of one of the child's entries as stored (the cipher is re-encrypted by the caller). */
export function listSourceMembers(db: Db, organisationId: string, entryId: string): Promise<NewMember[]> {
	return db<NewMember[]>`
		select position, name, gender, id_type, id_number_cipher, id_number_hash, id_number_masked, birth_date::text as birth_date, phone, unit, trade, level
		from entry_member where organisation_id = ${organisationId} and entry_id = ${entryId} order by position`;
}

/** One of the child's recommendations, with its parent entry's screening state (status, decisions). */
export interface RecommendationRow extends Omit<Evidence, 'sourceOrganisationName' | 'certificateCode'> {
	id: string;
	quotaId: string;
	parentOrganisationId: string;
	sourceEntryId: string;
	sourceResultVersionId: string;
	targetEntryId: string;
	status: 'active' | 'withdrawn';
	holderName: string;
	/** The parent's entry: submitted, approved, rejected, withdrawn… (the outcome of the child's own nomination). */
	targetStatus: string;
	targetDecisions: number;
	createdAt: Date;
}

const RECOMMENDATIONS = (db: Db) => db`
	select r.id, r.quota_id, r.parent_organisation_id, r.source_entry_id, r.source_result_version_id, r.target_entry_id, r.status, r.note, r.holder_name,
		r.source_competition_title, r.source_event_name, r.rank, r.ranked_count, r.total, r.tier_label, r.special_award, r.certificate_serial,
		t.status as target_status,
		(select count(*)::int from screening_decision d where d.organisation_id = t.organisation_id and d.entry_id = t.id) as target_decisions,
		r.created_at
	from recommendation r
	join entry t on t.organisation_id = r.parent_organisation_id and t.id = r.target_entry_id`;

export function listRecommendations(db: Db, organisationId: string, quotaId: string): Promise<RecommendationRow[]> {
	return db<RecommendationRow[]>`${RECOMMENDATIONS(db)} where r.organisation_id = ${organisationId} and r.quota_id = ${quotaId} order by r.created_at`;
}

export async function getRecommendation(db: Db, organisationId: string, recommendationId: string, lock = false): Promise<RecommendationRow | undefined> {
	// Locks the recommendation and the parent's entry (screening locks the entry too), then reads the
	// decisions in a statement of its own, so a decision committed meanwhile is counted.
	if (lock) await db`${RECOMMENDATIONS(db)} where r.organisation_id = ${organisationId} and r.id = ${recommendationId} for update of r, t`;
	const [row] = await db<RecommendationRow[]>`${RECOMMENDATIONS(db)} where r.organisation_id = ${organisationId} and r.id = ${recommendationId}`;
	return row;
}

export async function insertRecommendation(
	db: Db,
	organisationId: string,
	row: {
		sourceEntryId: string;
		sourceResultVersionId: string;
		parentOrganisationId: string;
		quotaId: string;
		targetEntryId: string;
		note: string;
		sourceOrganisationName: string;
		candidate: CandidateRow;
		createdBy: string;
	}
): Promise<{ id: string }> {
	const c = row.candidate;
	const [inserted] = await db<{ id: string }[]>`
		insert into recommendation (organisation_id, source_entry_id, source_result_version_id, parent_organisation_id, quota_id, target_entry_id, note,
			source_organisation_name, source_competition_title, source_event_name, holder_name, rank, ranked_count, total, tier_label, special_award,
			certificate_serial, certificate_code, created_by)
		values (${organisationId}, ${row.sourceEntryId}, ${row.sourceResultVersionId}, ${row.parentOrganisationId}, ${row.quotaId}, ${row.targetEntryId}, ${row.note},
			${row.sourceOrganisationName}, ${c.competitionTitle}, ${c.eventName}, ${c.holderName}, ${c.rank}, ${c.rankedCount}, ${c.total}, ${c.tierLabel}, ${c.specialAward},
			${c.certificateSerial}, ${c.certificateCode}, ${row.createdBy})
		returning id`;
	return inserted!;
}

export async function markWithdrawn(db: Db, organisationId: string, recommendationId: string, reason: string): Promise<void> {
	await db`update recommendation set status = 'withdrawn', withdrawn_at = now(), withdraw_reason = ${reason} where organisation_id = ${organisationId} and id = ${recommendationId}`;
}
