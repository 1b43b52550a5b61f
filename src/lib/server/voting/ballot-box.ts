import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { db } from '../db/client';
import { isIntegrityViolation } from '../db/errors';
import { decideDailyLimits, type DailyLimits, type VotingWindow } from '$lib/domain/voting';

/**
 * Every vote that passed its proof and the window goes through here. Ballots arriving within one tick
 * (5 ms) are decided and written together in one transaction — the way a burst of thousands of votes
 * costs tens of round trips instead of thousands — and the limits stay exact:
 * 1. the batch's challenges are spent with one INSERT … ON CONFLICT DO NOTHING: a challenge already
 *    there (or twice in the batch) is a replay;
 * 2. an advisory lock per (round, voter key, voting day), taken in one order by every process, so two
 *    batches — here or in another process — never decide the same voter's day at once;
 * 3. the voters' votes of the day are counted (every status: a voided vote was still cast), the batch
 *    is decided in arrival order with the domain's rule, and the accepted rows go in with one unnest.
 * All of it in two round trips (see writeBatch). Dates and days travel as text arrays cast in SQL:
 * typed as timestamptz[] or date[], postgres.js parses every element into a Date and prints it again,
 * a few per cent of the voting server's CPU in a burst.
 * Nothing is counted anywhere else: the tally is a query over these rows.
 */

export interface Ballot {
	organisationId: string;
	roundId: string;
	entryId: string;
	voterKey: string;
	castAt: Date;
	votingDay: string;
	addressPrefixHash: string;
	userAgentHash: string;
	proofId: string;
	proofExpiresAt: Date;
	limits: DailyLimits;
	window: VotingWindow;
}

/** A connection reserved for one batch: its statements are pipelined inside one transaction. */
type Connection = postgres.ReservedSql;

export type BallotOutcome = { kind: 'counted'; voteId: string } | { kind: 'replayed' } | { kind: 'limit'; reason: 'daily_limit' | 'candidate_limit'; nextVoteAt: Date | null };

interface Pending {
	ballot: Ballot;
	resolve: (outcome: BallotOutcome) => void;
	reject: (error: unknown) => void;
}

const TICK_MS = 5;
const MAX_BATCH = 1000;
/** Batches written at once by this process (each holds one connection). */
const MAX_IN_FLIGHT = 4;

let queue: Pending[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight = 0;

export function castBallot(ballot: Ballot): Promise<BallotOutcome> {
	return new Promise((resolve, reject) => {
		queue.push({ ballot, resolve, reject });
		if (queue.length >= MAX_BATCH) flushSoon(0);
		else flushSoon(TICK_MS);
	});
}

function flushSoon(delay: number) {
	if (timer && delay > 0) return;
	if (timer) clearTimeout(timer);
	timer = setTimeout(flush, delay);
}

function flush() {
	timer = null;
	if (queue.length === 0) return;
	if (inFlight >= MAX_IN_FLIGHT) return flushSoon(TICK_MS);
	const batch = queue.slice(0, MAX_BATCH);
	queue = queue.slice(batch.length);
	inFlight++;
	void settleBatch(batch).finally(() => {
		inFlight--;
		if (queue.length > 0) flushSoon(queue.length >= MAX_BATCH ? 0 : TICK_MS);
	});
}

/**
 * A batch that PostgreSQL refused for one of its rows (a candidate removed within the second its round
 * was cached) is tried again ballot by ballot, in arrival order, so that one bad ballot does not take its
 * neighbours with it; nothing of the failed batch was written. Any other failure (the database gone)
 * answers the whole batch at once: a thousand retries against a lost server would hold the queue.
 */
async function settleBatch(batch: Pending[]): Promise<void> {
	try {
		const outcomes = await writeBatch(batch);
		batch.forEach((pending, index) => pending.resolve(outcomes[index]!));
	} catch (error) {
		if (batch.length === 1 || !isIntegrityViolation(error)) return batch.forEach((pending) => pending.reject(error));
		for (const pending of batch) await settleBatch([pending]);
	}
}

const dayKey = (ballot: Ballot) => `${ballot.roundId}|${ballot.voterKey}|${ballot.votingDay}`;

/**
 * One batch in two round trips on a reserved connection: `begin`, the challenges spent, the locks and
 * the counts go out together (PostgreSQL runs them in order, so the counts are read under the locks);
 * the decided rows and `commit` go out together. Locks are taken for every ballot's day, replayed ones
 * included: a lock too many costs nothing, a round trip to learn which ones are replays costs a third.
 * postgres.js sends a query when it is first awaited, so each list below holds bare queries, awaited in
 * the order they must run (an async helper would send its query before the `begin`).
 */
async function writeBatch(batch: Pending[]): Promise<BallotOutcome[]> {
	const ballots = batch.map((pending) => pending.ballot);
	const connection = await db().reserve();
	try {
		const [, spent, , counted] = await Promise.all([connection`begin`, spendChallenges(connection, ballots), lockVoterDays(connection, ballots), countCast(connection, ballots)]);
		const { outcomes, accepted } = decide(ballots, freshBallots(ballots, spent), counted);
		await Promise.all([accepted.length > 0 ? insertVotes(connection, accepted) : null, connection`commit`]);
		return outcomes;
	} catch (error) {
		await connection`rollback`.catch(() => {});
		throw error;
	} finally {
		connection.release();
	}
}

interface VoterDayCount {
	roundId: string;
	voterKey: string;
	votingDay: string;
	entryId: string;
	total: number;
	forCandidate: number;
}

/** Each ballot in arrival order: a replay, over a limit, or counted (and then it counts for the ballots after it). */
function decide(ballots: Ballot[], unspent: Set<number>, counted: VoterDayCount[]) {
	const perDay = new Map<string, number>();
	const perCandidate = new Map<string, number>();
	for (const row of counted) {
		const key = `${row.roundId}|${row.voterKey}|${row.votingDay}`;
		perDay.set(key, row.total);
		perCandidate.set(`${key}|${row.entryId}`, row.forCandidate);
	}
	const accepted: (Ballot & { id: string })[] = [];
	const outcomes = ballots.map((ballot, index): BallotOutcome => {
		if (!unspent.has(index)) return { kind: 'replayed' };
		const key = dayKey(ballot);
		const candidateKey = `${key}|${ballot.entryId}`;
		const decision = decideDailyLimits(ballot.limits, { total: perDay.get(key) ?? 0, forCandidate: perCandidate.get(candidateKey) ?? 0 }, ballot.window, ballot.castAt);
		if (!decision.allowed) return { kind: 'limit', reason: decision.reason, nextVoteAt: decision.nextVoteAt };
		perDay.set(key, (perDay.get(key) ?? 0) + 1);
		perCandidate.set(candidateKey, (perCandidate.get(candidateKey) ?? 0) + 1);
		const id = randomUUID();
		accepted.push({ ...ballot, id });
		return { kind: 'counted', voteId: id };
	});
	return { outcomes, accepted };
}

/** Every process takes its locks in the same (hash) order, so two batches never wait on each other in a circle. */
function lockVoterDays(connection: Connection, ballots: Ballot[]) {
	const keys = [...new Set(ballots.map(dayKey))];
	return connection`select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 0) as h from unnest(${keys}::text[]) as k order by h) as ordered`;
}

/** For each (voter's day, candidate) in the batch: the votes that voter cast that day, in all and for that candidate (every status: a voided vote was still cast). */
function countCast(connection: Connection, ballots: Ballot[]) {
	return connection<VoterDayCount[]>`
		select w.round_id, w.voter_key, w.voting_day::text, w.entry_id, cast_so_far.total, cast_so_far.for_candidate
		from (select distinct * from unnest(${ballots.map((b) => b.organisationId)}::uuid[], ${ballots.map((b) => b.roundId)}::uuid[], ${ballots.map((b) => b.voterKey)}::text[],
			${ballots.map((b) => b.votingDay)}::text[]::date[], ${ballots.map((b) => b.entryId)}::uuid[]) as w(organisation_id, round_id, voter_key, voting_day, entry_id)) as w
		cross join lateral (
			select count(*)::int as total, (count(*) filter (where vote.entry_id = w.entry_id))::int as for_candidate from vote
			where vote.organisation_id = w.organisation_id and vote.round_id = w.round_id and vote.voter_key = w.voter_key and vote.voting_day = w.voting_day) as cast_so_far`;
}

/** Spends the batch's challenges; answers those that were unspent (a challenge already there, or twice in the batch, is a replay). */
function spendChallenges(connection: Connection, ballots: Ballot[]) {
	return connection<{ challenge: string }[]>`
		insert into vote_challenge (challenge, expires_at)
		select * from unnest(${ballots.map((b) => b.proofId)}::text[], ${ballots.map((b) => b.proofExpiresAt.toISOString())}::text[]::timestamptz[])
		on conflict do nothing returning challenge`;
}

/** The indexes of the ballots whose challenge this batch spent (the first of equal ones). */
function freshBallots(ballots: Ballot[], spent: { challenge: string }[]): Set<number> {
	const unspent = new Set(spent.map((row) => row.challenge));
	const fresh = new Set<number>();
	ballots.forEach((ballot, index) => {
		if (unspent.delete(ballot.proofId)) fresh.add(index);
	});
	return fresh;
}

function insertVotes(connection: Connection, rows: (Ballot & { id: string })[]) {
	return connection`
		insert into vote (id, organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id)
		select * from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.organisationId)}::uuid[], ${rows.map((r) => r.roundId)}::uuid[],
			${rows.map((r) => r.entryId)}::uuid[], ${rows.map((r) => r.voterKey)}::text[], ${rows.map((r) => r.castAt.toISOString())}::text[]::timestamptz[],
			${rows.map((r) => r.votingDay)}::text[]::date[], ${rows.map((r) => r.addressPrefixHash)}::text[], ${rows.map((r) => r.userAgentHash)}::text[],
			${rows.map((r) => r.proofId)}::text[])`;
}

/** Spent challenges are kept until they expire (after that the challenge itself no longer verifies). */
export async function purgeExpiredChallenges(now: Date): Promise<number> {
	const result = await db()`delete from vote_challenge where expires_at < ${now}`;
	return result.count;
}

let purgeTimer: ReturnType<typeof setInterval> | null = null;
/** Purges spent challenges every few minutes; started on the first vote, never keeps the process alive. */
export function startChallengePurge(): void {
	if (purgeTimer) return;
	purgeTimer = setInterval(() => void purgeExpiredChallenges(new Date()).catch(() => {}), 5 * 60 * 1000);
	purgeTimer.unref();
}
