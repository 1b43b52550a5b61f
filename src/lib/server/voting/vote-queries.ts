import type { Db } from '../db/client';
import type { CountsShown } from '$lib/domain/voting';

/** A round's public-vote policy as stored (vote_policy, migration 0025). */
export interface VotePolicyRow {
	roundId: string;
	opensAt: Date;
	closesAt: Date;
	votesPerVoterPerDay: number;
	votesPerCandidatePerVoterPerDay: number;
	countsShown: CountsShown;
	/** "HH:MM:SS" Shanghai time, for `daily` only. */
	dailyPublishTime: string | null;
	identityMode: 'device' | 'verified';
	baseCost: number;
	shareTitle: string;
	shareDescription: string;
	updatedAt: Date;
}

export type VotePolicyFields = Omit<VotePolicyRow, 'roundId' | 'updatedAt'>;

export async function getVotePolicy(db: Db, organisationId: string, roundId: string): Promise<VotePolicyRow | undefined> {
	const [row] = await db<VotePolicyRow[]>`
		select round_id, opens_at, closes_at, votes_per_voter_per_day, votes_per_candidate_per_voter_per_day, counts_shown,
			daily_publish_time::text, identity_mode, base_cost, share_title, share_description, updated_at
		from vote_policy where organisation_id = ${organisationId} and round_id = ${roundId}`;
	return row;
}

export async function upsertVotePolicy(db: Db, organisationId: string, roundId: string, fields: VotePolicyFields, userId: string): Promise<void> {
	await db`
		insert into vote_policy (round_id, organisation_id, opens_at, closes_at, votes_per_voter_per_day, votes_per_candidate_per_voter_per_day,
			counts_shown, daily_publish_time, identity_mode, base_cost, share_title, share_description, updated_by)
		values (${roundId}, ${organisationId}, ${fields.opensAt}, ${fields.closesAt}, ${fields.votesPerVoterPerDay}, ${fields.votesPerCandidatePerVoterPerDay},
			${fields.countsShown}, ${fields.dailyPublishTime}, ${fields.identityMode}, ${fields.baseCost}, ${fields.shareTitle}, ${fields.shareDescription}, ${userId})
		on conflict (round_id) do update set
			opens_at = excluded.opens_at, closes_at = excluded.closes_at, votes_per_voter_per_day = excluded.votes_per_voter_per_day,
			votes_per_candidate_per_voter_per_day = excluded.votes_per_candidate_per_voter_per_day, counts_shown = excluded.counts_shown,
			daily_publish_time = excluded.daily_publish_time, identity_mode = excluded.identity_mode, base_cost = excluded.base_cost,
			share_title = excluded.share_title, share_description = excluded.share_description, updated_by = excluded.updated_by, updated_at = now()
		where vote_policy.organisation_id = ${organisationId}`;
}

/** A round's candidates as the public sees them: number and name only (never ID numbers or phones). */
export interface CandidateRow {
	entryId: string;
	number: number | null;
	name: string;
	unit: string;
}

export function listVoteCandidates(db: Db, organisationId: string, roundId: string): Promise<CandidateRow[]> {
	return db<CandidateRow[]>`
		select re.entry_id, re.number,
			coalesce(e.team_name, (select m.name from entry_member m where m.entry_id = e.id and m.organisation_id = e.organisation_id order by m.position limit 1), '') as name,
			e.unit
		from round_entry re join entry e on e.id = re.entry_id and e.organisation_id = re.organisation_id
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId} and e.status = 'approved'
		order by re.number nulls last, re.created_at, re.entry_id`;
}

/**
 * The tally: accepted votes per entry of the round (entries without a vote are absent), cast before
 * `before` when given. This is the only count there is: the public count and the engine's public_vote
 * component both read it.
 */
export function countAcceptedVotes(db: Db, organisationId: string, roundId: string, before: Date | null = null): Promise<{ entryId: string; votes: number }[]> {
	return db<{ entryId: string; votes: number }[]>`
		select entry_id, count(*)::int as votes from vote
		where organisation_id = ${organisationId} and round_id = ${roundId} and status = 'accepted'
			and (${before}::timestamptz is null or cast_at < ${before}::timestamptz)
		group by entry_id`;
}

/** Votes in the last hour from one address prefix and from one voter key (for the proof-of-work cost). */
export async function countRecentVotes(db: Db, organisationId: string, roundId: string, addressPrefixHash: string, voterKey: string, since: Date): Promise<{ fromPrefix: number; fromVoter: number }> {
	const [row] = await db<{ fromPrefix: number; fromVoter: number }[]>`
		select count(*) filter (where address_prefix_hash = ${addressPrefixHash})::int as from_prefix, count(*) filter (where voter_key = ${voterKey})::int as from_voter
		from vote
		where organisation_id = ${organisationId} and round_id = ${roundId} and cast_at >= ${since}
			and (address_prefix_hash = ${addressPrefixHash} or voter_key = ${voterKey})`;
	return row ?? { fromPrefix: 0, fromVoter: 0 };
}
