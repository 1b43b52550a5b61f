import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { DomainError } from '../../src/lib/server/domain-error';
import { describeDomainError } from '../../src/lib/server/http/errors';
import { castVote, issueVoteChallenge, saveRoundVotePolicy, getPublicTally } from '../../src/lib/server/voting';
import { castBallot, purgeExpiredChallenges, type Ballot } from '../../src/lib/server/voting/ballot-box';
import { votingDayOf } from '../../src/lib/domain/voting';
import { verifyVoteProof } from '../../src/lib/server/voting/proof';
import { addressPrefixHash } from '../../src/lib/server/voting/voter-identity';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { newOrg } from '../fixtures/factories';
import { newVoter, seedVoteRound, solvedProof, votePolicy } from '../fixtures/voting';

// The voter's side of public voting against a real database: window edges, the daily limits across
// the Shanghai midnight (the clock is passed in; nothing sleeps), single-use proofs, and what the voter reads.

const at = (iso: string) => new Date(iso);

async function attempt(promise: Promise<unknown>): Promise<{ code: string; details?: Record<string, string | number>; message?: string }> {
	try {
		await promise;
		return { code: 'counted' };
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return { code: error.code, details: error.details, message: describeDomainError(error).message };
	}
}

describe('casting a vote', () => {
	it('counts a vote from its opening instant and refuses one at its closing instant', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { votesPerVoterPerDay: 10, votesPerCandidatePerVoterPerDay: 10 } });
		const voter = newVoter();
		const vote = async (now: Date) => attempt(castVote(round.slug, round.roundId, { entryId: round.entries[0]!.id, altcha: await solvedProof(round.roundId) }, voter, now));
		const opens = votePolicy().opensAt.getTime();
		const closes = votePolicy().closesAt.getTime();
		expect(await vote(new Date(opens - 1))).toMatchObject({ code: 'vote_window_before', details: { opensAt: '2026-05-01 00:00' } });
		expect((await vote(new Date(opens))).code).toBe('counted');
		expect((await vote(new Date(closes - 1))).code).toBe('counted');
		expect(await vote(new Date(closes))).toMatchObject({ code: 'vote_window_closed', message: '投票已经结束。' });
		const rows = await db()<{ castAt: Date }[]>`select cast_at from vote where round_id = ${round.roundId} order by cast_at`;
		expect(rows.map((row) => row.castAt.getTime())).toEqual([opens, closes - 1]);
	});

	it('renews the daily allowance at Shanghai midnight and says when the next vote opens', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { votesPerVoterPerDay: 2, votesPerCandidatePerVoterPerDay: 1 } });
		const voter = newVoter();
		const [e1, e2, e3] = round.entries;
		const vote = async (entryId: string, now: string) => attempt(castVote(round.slug, round.roundId, { entryId, altcha: await solvedProof(round.roundId) }, voter, at(now)));
		expect((await vote(e1!.id, '2026-05-02T23:59:00+08:00')).code).toBe('counted');
		expect(await vote(e1!.id, '2026-05-02T23:59:30+08:00')).toMatchObject({ code: 'vote_candidate_limit', details: { nextVoteAt: '2026-05-03 00:00' }, message: '您今天已经给这位候选人投过票了，2026-05-03 00:00可以再投。' });
		expect((await vote(e2!.id, '2026-05-02T23:59:59.999+08:00')).code).toBe('counted');
		expect(await vote(e3!.id, '2026-05-02T23:59:59.999+08:00')).toMatchObject({ code: 'vote_daily_limit', details: { nextVoteAt: '2026-05-03 00:00' } });
		// 16:00 UTC is Shanghai midnight: a new day, a new allowance.
		expect((await vote(e1!.id, '2026-05-02T16:00:00Z')).code).toBe('counted');
		expect((await vote(e3!.id, '2026-05-03T00:00:01+08:00')).code).toBe('counted');
		expect((await vote(e2!.id, '2026-05-03T12:00:00+08:00')).code).toBe('vote_daily_limit');
		// On the last day the window closes before the next midnight: no "next vote" to promise.
		expect((await vote(e1!.id, '2026-05-08T10:00:00+08:00')).code).toBe('counted');
		expect(await vote(e1!.id, '2026-05-08T10:00:01+08:00')).toMatchObject({ code: 'vote_candidate_limit', details: {} });
		const days = await db()<{ votingDay: string; votes: number }[]>`
			select voting_day::text, count(*)::int as votes from vote where round_id = ${round.roundId} group by 1 order by 1`;
		expect(days).toEqual([{ votingDay: '2026-05-02', votes: 2 }, { votingDay: '2026-05-03', votes: 2 }, { votingDay: '2026-05-08', votes: 1 }]);
	});

	it('refuses a replayed proof, a proof for another round and a forged one', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { votesPerVoterPerDay: 10, votesPerCandidatePerVoterPerDay: 10 } });
		const other = await seedVoteRound(owner);
		const now = at('2026-05-03T09:00:00+08:00');
		const proof = await solvedProof(round.roundId);
		const entryId = round.entries[0]!.id;
		expect((await attempt(castVote(round.slug, round.roundId, { entryId, altcha: proof }, newVoter(), now))).code).toBe('counted');
		// The same proof again — from another device, at once, or later — is refused.
		const replays = await Promise.all([1, 2, 3].map(() => attempt(castVote(round.slug, round.roundId, { entryId, altcha: proof }, newVoter(), now))));
		expect(replays.map((replay) => replay.code)).toEqual(['vote_proof_replayed', 'vote_proof_replayed', 'vote_proof_replayed']);
		// Two votes racing with one fresh proof: exactly one counts.
		const raced = await solvedProof(round.roundId);
		const race = await Promise.all([1, 2].map(() => attempt(castVote(round.slug, round.roundId, { entryId, altcha: raced }, newVoter(), now))));
		expect(race.map((result) => result.code).sort()).toEqual(['counted', 'vote_proof_replayed']);
		expect((await attempt(castVote(other.slug, other.roundId, { entryId: other.entries[0]!.id, altcha: await solvedProof(round.roundId) }, newVoter(), now))).code).toBe('vote_proof_invalid');
		const forged = JSON.parse(Buffer.from(await solvedProof(round.roundId), 'base64').toString()) as { solution: { derivedKey: string } };
		forged.solution.derivedKey = forged.solution.derivedKey.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
		expect((await attempt(castVote(round.slug, round.roundId, { entryId, altcha: Buffer.from(JSON.stringify(forged)).toString('base64') }, newVoter(), now))).code).toBe('vote_proof_invalid');
		expect((await attempt(castVote(round.slug, round.roundId, { entryId, altcha: 'bm90IGpzb24=' }, newVoter(), now))).code).toBe('vote_proof_invalid');
		const [count] = await db()<{ votes: number }[]>`select count(*)::int as votes from vote where round_id = ${round.roundId}`;
		expect(count!.votes).toBe(2);
		// Spent challenges stay until they expire, then the purge removes them.
		expect(await purgeExpiredChallenges(new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(2);
	});

	it('issues a challenge at the policy cost that the solver meets, and raises it for a busy address prefix', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { votesPerVoterPerDay: 1000, votesPerCandidatePerVoterPerDay: 1000, baseCost: 1000 } });
		const office = newVoter('203.0.113.10');
		const now = new Date();
		const challenge = await issueVoteChallenge(round.slug, round.roundId, office, now);
		const solution = await solveChallenge({ challenge, deriveKey });
		expect(solution!.counter).toBeGreaterThanOrEqual(500);
		expect(solution!.counter).toBeLessThanOrEqual(1000);
		expect(await verifyVoteProof(Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'), round.roundId)).toMatchObject({ ok: true });
		// 60 votes in the last hour from the office's /24: the next challenge takes more work (up to 8× here).
		await db()`
			insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id)
			select ${owner.organisation.id}, ${round.roundId}, ${round.entries[0]!.id}, 'd:office' || n, now(), current_date,
				${addressPrefixHash('203.0.113.99')}, 'ua', 'office-proof-' || gen_random_uuid() from generate_series(1, 60) n`;
		const busy = await issueVoteChallenge(round.slug, round.roundId, newVoter('203.0.113.200'), now);
		const busySolution = await solveChallenge({ challenge: busy, deriveKey });
		expect(busySolution!.counter).toBeGreaterThan(1000);
	});

	it('answers every voter in their language, and the public count follows the policy', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { countsShown: 'after_close' } });
		const now = at('2026-05-03T09:00:00+08:00');
		await castVote(round.slug, round.roundId, { entryId: round.entries[1]!.id, altcha: await solvedProof(round.roundId) }, newVoter(), now);
		expect(await getPublicTally(owner, round.roundId, now)).toEqual({ visible: false, asOf: null, counts: [] });
		const after = await getPublicTally(owner, round.roundId, at('2026-05-08T20:00:00+08:00'));
		expect(after?.counts.map((row) => row.votes)).toEqual([0, 1, 0]);
		await saveRoundVotePolicy(owner, round.roundId, votePolicy({ countsShown: 'daily', dailyPublishTime: '12:00' }));
		expect((await getPublicTally(owner, round.roundId, at('2026-05-03T11:59:00+08:00')))?.counts.map((row) => row.votes)).toEqual([0, 0, 0]);
		expect((await getPublicTally(owner, round.roundId, at('2026-05-03T12:00:00+08:00')))?.counts.map((row) => row.votes)).toEqual([0, 1, 0]);
	});
});

describe('the ballot box', () => {
	it('writes a batch whole or not at all, and retries a failed one ballot by ballot so one bad ballot fails alone', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { votesPerVoterPerDay: 10, votesPerCandidatePerVoterPerDay: 10 } });
		const now = new Date();
		const ballot = (entryId: string, proofId: string, voterKey: string): Ballot => ({
			organisationId: owner.organisation.id,
			roundId: round.roundId,
			entryId,
			voterKey,
			castAt: now,
			votingDay: votingDayOf(now),
			addressPrefixHash: 'prefix',
			userAgentHash: 'agent',
			proofId,
			proofExpiresAt: new Date(now.getTime() + 600_000),
			limits: { votesPerVoterPerDay: 10, votesPerCandidatePerVoterPerDay: 10 },
			window: { opensAt: new Date(now.getTime() - 1), closesAt: new Date(now.getTime() + 600_000) }
		});
		const proofs = [`batch-test-${crypto.randomUUID()}`, `batch-test-${crypto.randomUUID()}`];
		// Cast in one tick, so one batch: a candidate that is not there (its row's foreign key fails the batch) and a good one.
		const [bad, good] = await Promise.allSettled([castBallot(ballot(crypto.randomUUID(), proofs[0]!, 'v1')), castBallot(ballot(round.entries[0]!.id, proofs[1]!, 'v2'))]);
		// The batch is tried again ballot by ballot: the good one is counted, the bad one alone refused and its proof not spent.
		expect(bad!.status).toBe('rejected');
		expect(good).toMatchObject({ status: 'fulfilled', value: { kind: 'counted' } });
		const spent = await db()<{ challenge: string }[]>`select challenge from vote_challenge where challenge = any(${proofs})`;
		expect(spent.map((row) => row.challenge)).toEqual([proofs[1]]);
		expect((await castBallot(ballot(round.entries[1]!.id, proofs[0]!, 'v1'))).kind).toBe('counted');
		expect((await castBallot(ballot(round.entries[1]!.id, proofs[1]!, 'v2'))).kind).toBe('replayed');
		const rows = await db()<{ entryId: string }[]>`select entry_id from vote where round_id = ${round.roundId} order by cast_at, entry_id`;
		expect(rows.map((row) => row.entryId).sort()).toEqual([round.entries[0]!.id, round.entries[1]!.id].sort());
	});
});
