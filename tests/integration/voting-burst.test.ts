import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { DomainError } from '../../src/lib/server/domain-error';
import { castVote, acceptedVotesOfRound } from '../../src/lib/server/voting';
import { loadRoundInput, evaluateStoredRound } from '../../src/lib/server/results/round-input';
import { newOrg } from '../fixtures/factories';
import { newVoter, seedVoteRound, solvedProof } from '../fixtures/voting';

// A WeChat burst: 10,000 vote attempts from 200 concurrent clients — 75 % first votes, 20 % a second
// vote for the same candidate the same day, 5 % a fourth vote beyond the daily three. Each voter's
// attempts run in order on one client, so the expected tally follows from the script alone; the
// counted rows, the tally query and the engine's public_vote component must all equal it exactly.

const CLIENTS = 200;
const CANDIDATES = 20;

function mulberry32(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Four distinct candidates in a seeded order. */
function pickFour(random: () => number): number[] {
	const picked: number[] = [];
	while (picked.length < 4) {
		const candidate = Math.floor(random() * CANDIDATES);
		if (!picked.includes(candidate)) picked.push(candidate);
	}
	return picked;
}

describe('a burst of 10,000 votes', () => {
	it('ends with the counts exactly equal to the accepted rows and to the expected numbers', { timeout: 300_000 }, async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { count: CANDIDATES, policy: { votesPerVoterPerDay: 3, votesPerCandidatePerVoterPerDay: 1 } });
		const random = mulberry32(20260501);
		// 2,000 voters: c1, c1 again (duplicate), c2, c3 → 3 counted, 1 refused. 500 voters: c1, c2, c3, c4 → 3 counted, 1 over the limit.
		const scripts: number[][] = [];
		for (let voter = 0; voter < 2000; voter++) {
			const [c1, c2, c3] = pickFour(random);
			scripts.push([c1!, c1!, c2!, c3!]);
		}
		for (let voter = 0; voter < 500; voter++) scripts.push(pickFour(random));
		const expected = new Array<number>(CANDIDATES).fill(0);
		for (const script of scripts) for (const candidate of [...new Set(script)].slice(0, 3)) expected[candidate]! += 1;
		expect(scripts.flat()).toHaveLength(10_000);

		// Proofs solved up front (at a test's cost) so the burst measures the server, not the solver.
		const proofs = await Promise.all(scripts.flat().map(() => solvedProof(round.roundId)));
		const now = new Date('2026-05-03T20:00:00+08:00');
		const outcomes: Record<string, number> = {};
		let next = 0;
		const voters = scripts.map(() => newVoter());
		await Promise.all(
			Array.from({ length: CLIENTS }, async (_, client) => {
				for (let voter = client; voter < scripts.length; voter += CLIENTS) {
					for (const candidate of scripts[voter]!) {
						const proof = proofs[next++]!;
						try {
							await castVote(round.slug, round.roundId, { entryId: round.entries[candidate]!.id, altcha: proof }, voters[voter]!, now);
							outcomes.counted = (outcomes.counted ?? 0) + 1;
						} catch (error) {
							if (!(error instanceof DomainError)) throw error;
							outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
						}
					}
				}
			})
		);
		expect(outcomes).toEqual({ counted: 7_500, vote_candidate_limit: 2_000, vote_daily_limit: 500 });

		const rows = await db()<{ entryId: string; votes: number }[]>`
			select entry_id, count(*)::int as votes from vote where round_id = ${round.roundId} and status = 'accepted' group by entry_id`;
		const byEntry = (list: { entryId: string; votes: number }[]) => round.entries.map((entry) => list.find((row) => row.entryId === entry.id)?.votes ?? 0);
		expect(byEntry(rows)).toEqual(expected);
		expect(byEntry(await acceptedVotesOfRound(db(), owner.organisation.id, round.roundId))).toEqual(expected);

		// The engine's public_vote component reads exactly these counts: recompute it from the rows (top: v ÷ max × 100).
		const input = (await loadRoundInput(db(), owner.organisation.id, round.roundId))!;
		expect(round.entries.map((entry) => input.input.entries.find((item) => item.id === entry.id)!.votes!.public_vote)).toEqual(expected);
		const result = (await evaluateStoredRound(db(), owner.organisation.id, round.roundId))!.result;
		const top = Math.max(...expected);
		for (const [index, entry] of round.entries.entries()) {
			// Hundredths, rounded half-up: v × 10000 ÷ top.
			expect(result.entries.find((item) => item.entryId === entry.id)!.components.public_vote).toBe(Math.floor((expected[index]! * 10000 * 2 + top) / (2 * top)));
		}
	});
});
