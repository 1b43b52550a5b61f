import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../db/client';
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
	writeBatch(batch)
		.then((outcomes) => batch.forEach((pending, index) => pending.resolve(outcomes[index]!)))
		.catch((error: unknown) => batch.forEach((pending) => pending.reject(error)))
		.finally(() => {
			inFlight--;
			if (queue.length > 0) flushSoon(queue.length >= MAX_BATCH ? 0 : TICK_MS);
		});
}

const dayKey = (ballot: Ballot) => `${ballot.roundId}|${ballot.voterKey}|${ballot.votingDay}`;

async function writeBatch(batch: Pending[]): Promise<BallotOutcome[]> {
	return db().begin(async (tx) => {
		const ballots = batch.map((pending) => pending.ballot);
		const fresh = await spendChallenges(tx, ballots);
		const outcomes: (BallotOutcome | null)[] = ballots.map((ballot, index) => (fresh.has(index) ? null : { kind: 'replayed' }));
		const live = ballots.filter((_, index) => outcomes[index] === null);
		if (live.length === 0) return outcomes as BallotOutcome[];
		const keys = [...new Set(live.map(dayKey))];
		await tx`select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 0) as h from unnest(${keys}::text[]) as k order by h) as ordered`;
		const cast = await tx<{ roundId: string; voterKey: string; votingDay: string; entryId: string; votes: number }[]>`
			select round_id, voter_key, voting_day::text, entry_id, count(*)::int as votes from vote
			where (organisation_id, round_id, voter_key, voting_day) in (
				select * from unnest(${live.map((b) => b.organisationId)}::uuid[], ${live.map((b) => b.roundId)}::uuid[], ${live.map((b) => b.voterKey)}::text[], ${live.map((b) => b.votingDay)}::date[]))
			group by 1, 2, 3, 4`;
		const perDay = new Map<string, number>();
		const perCandidate = new Map<string, number>();
		for (const row of cast) {
			const key = `${row.roundId}|${row.voterKey}|${row.votingDay}`;
			perDay.set(key, (perDay.get(key) ?? 0) + row.votes);
			perCandidate.set(`${key}|${row.entryId}`, row.votes);
		}
		const accepted: (Ballot & { id: string })[] = [];
		ballots.forEach((ballot, index) => {
			if (outcomes[index] !== null) return;
			const key = dayKey(ballot);
			const candidateKey = `${key}|${ballot.entryId}`;
			const decision = decideDailyLimits(ballot.limits, { total: perDay.get(key) ?? 0, forCandidate: perCandidate.get(candidateKey) ?? 0 }, ballot.window, ballot.castAt);
			if (!decision.allowed) {
				outcomes[index] = { kind: 'limit', reason: decision.reason, nextVoteAt: decision.nextVoteAt };
				return;
			}
			perDay.set(key, (perDay.get(key) ?? 0) + 1);
			perCandidate.set(candidateKey, (perCandidate.get(candidateKey) ?? 0) + 1);
			const id = randomUUID();
			accepted.push({ ...ballot, id });
			outcomes[index] = { kind: 'counted', voteId: id };
		});
		if (accepted.length > 0) await insertVotes(tx, accepted);
		return outcomes as BallotOutcome[];
	});
}

/** The indexes of the ballots whose challenge was unspent (the first of equal ones in a batch). */
async function spendChallenges(tx: Tx, ballots: Ballot[]): Promise<Set<number>> {
	const spent = await tx<{ challenge: string }[]>`
		insert into vote_challenge (challenge, expires_at)
		select * from unnest(${ballots.map((b) => b.proofId)}::text[], ${ballots.map((b) => b.proofExpiresAt.toISOString())}::timestamptz[])
		on conflict do nothing returning challenge`;
	const unspent = new Set(spent.map((row) => row.challenge));
	const fresh = new Set<number>();
	ballots.forEach((ballot, index) => {
		if (unspent.delete(ballot.proofId)) fresh.add(index);
	});
	return fresh;
}

async function insertVotes(tx: Tx, rows: (Ballot & { id: string })[]): Promise<void> {
	await tx`
		insert into vote (id, organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id)
		select * from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.organisationId)}::uuid[], ${rows.map((r) => r.roundId)}::uuid[],
			${rows.map((r) => r.entryId)}::uuid[], ${rows.map((r) => r.voterKey)}::text[], ${rows.map((r) => r.castAt.toISOString())}::timestamptz[],
			${rows.map((r) => r.votingDay)}::date[], ${rows.map((r) => r.addressPrefixHash)}::text[], ${rows.map((r) => r.userAgentHash)}::text[],
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
