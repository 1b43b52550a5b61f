import type { Db } from '../db/client';
import type { ClusterHour, FlaggedVote, MinuteCount, VoteSelector } from '$lib/domain/vote-review';

// The organisers' side of public voting (migration 0025's `vote` table): the aggregates burst detection
// reads, flagging, the review queue's decisions and the tallies per status. Every query is one
// organisation's; a vote is never deleted here, only its status, flags and decision change.

export interface ReviewRoundRow {
	id: string;
	name: string;
	eventName: string;
	competitionId: string;
	competitionTitle: string;
	opensAt: Date | null;
	closesAt: Date | null;
}

export async function getReviewRound(db: Db, organisationId: string, roundId: string): Promise<ReviewRoundRow | undefined> {
	const [row] = await db<ReviewRoundRow[]>`
		select r.id, r.name, e.name as event_name, c.id as competition_id, c.title as competition_title, p.opens_at, p.closes_at
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		left join vote_policy p on p.round_id = r.id and p.organisation_id = r.organisation_id
		where r.organisation_id = ${organisationId} and r.id = ${roundId}`;
	return row;
}

export interface CandidateRow {
	entryId: string;
	number: number | null;
	name: string;
}

/** The round's candidates by number, with the name a public vote shows (a team's name, else its first member's). */
export function listCandidates(db: Db, organisationId: string, roundId: string): Promise<CandidateRow[]> {
	return db<CandidateRow[]>`
		select re.entry_id, re.number, coalesce(en.team_name, m.name, '') as name
		from round_entry re join entry en on en.id = re.entry_id and en.organisation_id = re.organisation_id
		left join entry_member m on m.entry_id = en.id and m.organisation_id = en.organisation_id and m.position = 0
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId}
		order by re.number nulls last, re.created_at, re.entry_id`;
}

/** Votes per candidate per minute, and how many were their voter key's first vote in the round. */
export async function voteMinuteCounts(db: Db, organisationId: string, roundId: string): Promise<MinuteCount[]> {
	const rows = await db<{ entryId: string; minute: Date; votes: number; freshVotes: number }[]>`
		with marked as (
			select entry_id, cast_at, cast_at = min(cast_at) over (partition by voter_key) as fresh
			from vote where organisation_id = ${organisationId} and round_id = ${roundId}
		)
		select entry_id, date_trunc('minute', cast_at) as minute, count(*)::int as votes, count(*) filter (where fresh)::int as fresh_votes
		from marked group by entry_id, date_trunc('minute', cast_at)`;
	return rows.map((row) => ({ ...row, minute: row.minute.getTime() }));
}

/** Each address prefix's and user agent's votes per candidate per clock hour, with the rhythm of their gaps. */
export async function voteClusterHours(db: Db, organisationId: string, roundId: string): Promise<ClusterHour[]> {
	const rows = await db<(Omit<ClusterHour, 'hour'> & { hour: Date })[]>`
		with sources as (
			select entry_id, 'address' as kind, address_prefix_hash as hash, cast_at from vote where organisation_id = ${organisationId} and round_id = ${roundId}
			union all
			select entry_id, 'agent', user_agent_hash, cast_at from vote where organisation_id = ${organisationId} and round_id = ${roundId}
		), gaps as (
			select entry_id, kind, hash, date_trunc('hour', cast_at) as hour,
				extract(epoch from cast_at - lag(cast_at) over (partition by entry_id, kind, hash, date_trunc('hour', cast_at) order by cast_at)) as gap
			from sources
		)
		select entry_id, kind, hash, hour, count(*)::int as votes, avg(gap)::float8 as mean_gap_seconds, stddev_samp(gap)::float8 as gap_stddev_seconds
		from gaps group by entry_id, kind, hash, hour
		having count(*) >= 2`;
	return rows.map((row) => ({ ...row, hour: row.hour.getTime() }));
}

/** The undecided accepted votes the selectors point at, each with every reason that points at it. */
export function listSelectedVotes(db: Db, organisationId: string, roundId: string, selectors: readonly VoteSelector[]): Promise<{ id: string; reasons: string[] }[]> {
	if (selectors.length === 0) return Promise.resolve([]);
	const column = <T>(pick: (selector: VoteSelector) => T) => selectors.map(pick);
	return db<{ id: string; reasons: string[] }[]>`
		with selector as (
			select * from unnest(${column((s) => s.entryId)}::uuid[], ${column((s) => s.match.kind)}::text[], ${column((s) => ('hash' in s.match ? s.match.hash : ''))}::text[],
				${column((s) => new Date(s.from).toISOString())}::timestamptz[], ${column((s) => new Date(s.to).toISOString())}::timestamptz[], ${column((s) => s.reason)}::text[])
				as t(entry_id, kind, hash, starts, ends, reason)
		), candidate as (
			select v.id, v.entry_id, v.cast_at, v.address_prefix_hash, v.user_agent_hash, v.status, v.decided_at,
				v.cast_at = min(v.cast_at) over (partition by v.voter_key) as fresh
			from vote v where v.organisation_id = ${organisationId} and v.round_id = ${roundId}
		)
		select c.id, array_agg(distinct s.reason order by s.reason) as reasons
		from candidate c join selector s on s.entry_id = c.entry_id and c.cast_at >= s.starts and c.cast_at < s.ends
			and (s.kind = 'any' or (s.kind = 'fresh' and c.fresh) or (s.kind = 'address' and c.address_prefix_hash = s.hash) or (s.kind = 'agent' and c.user_agent_hash = s.hash))
		where c.status = 'accepted' and c.decided_at is null
		group by c.id`;
}

/** Accepted → flagged with the reasons appended (a vote an organiser has decided on is left alone). */
export async function flagVotes(db: Db, organisationId: string, roundId: string, votes: readonly { id: string; reasons: readonly string[] }[]): Promise<FlaggedVote[]> {
	if (votes.length === 0) return [];
	const rows = await db<(Omit<FlaggedVote, 'castAt'> & { castAt: Date })[]>`
		update vote v set status = 'flagged', flags = (select array_agg(distinct f order by f) from unnest(v.flags || string_to_array(t.reasons, ',')) f)
		from unnest(${votes.map((vote) => vote.id)}::uuid[], ${votes.map((vote) => vote.reasons.join(','))}::text[]) as t(id, reasons)
		where v.id = t.id and v.organisation_id = ${organisationId} and v.round_id = ${roundId} and v.status = 'accepted' and v.decided_at is null
		returning v.entry_id, v.cast_at, v.flags, v.address_prefix_hash, v.user_agent_hash`;
	return rows.map((row) => ({ ...row, castAt: row.castAt.getTime() }));
}

export interface StatusTallyRow {
	entryId: string;
	accepted: number;
	flagged: number;
	voided: number;
}

/** Votes per candidate per status (the counted tally is `accepted`). */
export function tallyByStatus(db: Db, organisationId: string, roundId: string): Promise<StatusTallyRow[]> {
	return db<StatusTallyRow[]>`
		select entry_id, count(*) filter (where status = 'accepted')::int as accepted, count(*) filter (where status = 'flagged')::int as flagged,
			count(*) filter (where status = 'voided')::int as voided
		from vote where organisation_id = ${organisationId} and round_id = ${roundId} group by entry_id`;
}

/** Voided votes per candidate and reason class (what Chinese award rules publish after the window). */
export function voidedByReasonClass(db: Db, organisationId: string, roundId: string): Promise<{ entryId: string; reasonClass: string; votes: number }[]> {
	return db<{ entryId: string; reasonClass: string; votes: number }[]>`
		select entry_id, coalesce(reason_class, 'other') as reason_class, count(*)::int as votes
		from vote where organisation_id = ${organisationId} and round_id = ${roundId} and status = 'voided'
		group by entry_id, coalesce(reason_class, 'other') order by entry_id, reason_class`;
}

export interface TimelineRow {
	entryId: string;
	bucket: Date;
	votes: number;
	flagged: number;
}

/** Votes per candidate per time bucket (a minute, or wider for a long window), and how many are flagged. */
export function voteTimeline(db: Db, organisationId: string, roundId: string, bucketSeconds: number): Promise<TimelineRow[]> {
	return db<TimelineRow[]>`
		select entry_id, to_timestamp(floor(extract(epoch from cast_at) / ${bucketSeconds}) * ${bucketSeconds}) as bucket,
			count(*)::int as votes, count(*) filter (where status = 'flagged')::int as flagged
		from vote where organisation_id = ${organisationId} and round_id = ${roundId}
		group by 1, 2 order by 2, 1`;
}

export async function voteSpan(db: Db, organisationId: string, roundId: string): Promise<{ first: Date | null; last: Date | null }> {
	const [row] = await db<{ first: Date | null; last: Date | null }[]>`
		select min(cast_at) as first, max(cast_at) as last from vote where organisation_id = ${organisationId} and round_id = ${roundId}`;
	return row ?? { first: null, last: null };
}

export interface FlagClusterRow {
	entryId: string;
	addressPrefixHash: string;
	votes: number;
	userAgents: number;
	freshVoters: number;
	firstAt: Date;
	lastAt: Date;
	flags: string[];
}

/** The review queue: flagged votes grouped by candidate and address prefix, biggest first. */
export function listFlagClusters(db: Db, organisationId: string, roundId: string): Promise<FlagClusterRow[]> {
	return db<FlagClusterRow[]>`
		with marked as (
			select v.*, v.cast_at = min(v.cast_at) over (partition by v.voter_key) as fresh
			from vote v where v.organisation_id = ${organisationId} and v.round_id = ${roundId}
		)
		select entry_id, address_prefix_hash, count(distinct id)::int as votes, count(distinct user_agent_hash)::int as user_agents,
			count(distinct id) filter (where fresh)::int as fresh_voters, min(cast_at) as first_at, max(cast_at) as last_at,
			coalesce(array_agg(distinct flag order by flag) filter (where flag is not null), '{}') as flags
		from marked left join lateral unnest(marked.flags) as flag on true
		where status = 'flagged'
		group by entry_id, address_prefix_hash order by count(distinct id) desc, entry_id, address_prefix_hash
		limit 200`;
}

export type VoteSelection = { voteIds: string[] } | { entryId: string; addressPrefixHash: string; status: 'accepted' | 'flagged' | 'voided' };

export interface DecisionInput {
	status: 'accepted' | 'voided';
	reasonClass: string | null;
	reason: string;
	decidedBy: string;
}

/**
 * Voids or restores the selected votes (a vote already in the target status is left as it is) and
 * returns how many changed per candidate and from which status.
 */
export function decideVotes(db: Db, organisationId: string, roundId: string, selection: VoteSelection, decision: DecisionInput): Promise<{ entryId: string; fromStatus: string; votes: number }[]> {
	const chosen = 'voteIds' in selection
		? db`v.id = any(${selection.voteIds}::uuid[])`
		: db`v.entry_id = ${selection.entryId} and v.address_prefix_hash = ${selection.addressPrefixHash} and v.status = ${selection.status}`;
	return db<{ entryId: string; fromStatus: string; votes: number }[]>`
		with changed as (
			update vote v set status = ${decision.status}, reason_class = ${decision.reasonClass}, reason = ${decision.reason}, decided_by = ${decision.decidedBy}, decided_at = now()
			from vote old
			where old.id = v.id and v.organisation_id = ${organisationId} and v.round_id = ${roundId} and v.status <> ${decision.status} and ${chosen}
			returning v.entry_id, old.status as from_status
		)
		select entry_id, from_status, count(*)::int as votes from changed group by entry_id, from_status order by entry_id, from_status`;
}

export interface ExportVoteRow {
	id: string;
	entryId: string;
	voterKey: string;
	castAt: Date;
	votingDay: string;
	addressPrefixHash: string;
	userAgentHash: string;
	status: string;
	flags: string[];
	reasonClass: string | null;
	reason: string;
	decidedAt: Date | null;
}

/** Every vote of the round for the notice period's export: hashes only (the table holds nothing raw). */
export function listVotesForExport(db: Db, organisationId: string, roundId: string): Promise<ExportVoteRow[]> {
	return db<ExportVoteRow[]>`
		select id, entry_id, voter_key, cast_at, voting_day::text as voting_day, address_prefix_hash, user_agent_hash, status, flags, reason_class, reason, decided_at
		from vote where organisation_id = ${organisationId} and round_id = ${roundId} order by cast_at, id`;
}
