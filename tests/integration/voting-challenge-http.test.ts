import { randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { verifyVoteProof } from '../../src/lib/server/voting/proof';
import { newOrg } from '../fixtures/factories';
import { seedVoteRound } from '../fixtures/voting';
import { seedJudgeRound } from '../fixtures/judge-entries';

// The ALTCHA widget's challenge route (/c/<slug>/vote/<round>/challenge) is public: it must hand out
// a working challenge for a voting round of that competition, and nothing for any other round.

const challengeUrl = (slug: string, round: string) => `${inject('appUrl')}/c/${slug}/vote/${round}/challenge`;
const open = { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 3600_000) };

describe('the public vote challenge route', () => {
	it('hands out a fresh, uncached challenge that a solved proof for this round passes with', async () => {
		const round = await seedVoteRound(await newOrg(), { policy: open });
		const response = await fetch(challengeUrl(round.slug, round.roundId));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const challenge = await response.json();
		expect(challenge).toMatchObject({ parameters: expect.any(Object), signature: expect.any(String) });
		const solution = await solveChallenge({ challenge, deriveKey });
		const proof = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
		expect(await verifyVoteProof(proof, round.roundId)).toMatchObject({ ok: true });
		// Bound to its round: the same proof is no good for another.
		const other = await seedVoteRound(await newOrg(), { policy: open });
		expect((await verifyVoteProof(proof, other.roundId)).ok).toBe(false);
	});

	it('answers 404 for an unknown competition, another competition’s round, a round without a vote, a draft competition or a malformed id', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: open });
		const foreign = await seedVoteRound(await newOrg(), { policy: open });
		const noVote = await seedJudgeRound(owner, { count: 1 });
		const [noVoteSlug] = await db()<{ slug: string }[]>`select slug from competition where id = ${noVote.competitionId}`;
		const draft = await seedVoteRound(await newOrg(), { policy: open });
		await db()`update competition set status = 'draft' where id = ${draft.competitionId}`;
		const refused = {
			unknownSlug: challengeUrl('no-such-competition', round.roundId),
			unknownRound: challengeUrl(round.slug, randomUUID()),
			foreignRound: challengeUrl(round.slug, foreign.roundId),
			noVote: challengeUrl(noVoteSlug!.slug, noVote.roundId),
			draft: challengeUrl(draft.slug, draft.roundId),
			malformedRound: challengeUrl(round.slug, 'not-a-round'),
			malformedSlug: challengeUrl('Not_A_Slug!', round.roundId)
		};
		const statuses = Object.fromEntries(await Promise.all(Object.entries(refused).map(async ([name, url]) => [name, (await fetch(url)).status])));
		expect(statuses).toEqual(Object.fromEntries(Object.keys(refused).map((name) => [name, 404])));
	});

	it('refuses anything but GET without a server error', async () => {
		const round = await seedVoteRound(await newOrg(), { policy: open });
		const response = await fetch(challengeUrl(round.slug, round.roundId), { method: 'POST', body: '{"x":', headers: { 'content-type': 'application/json', origin: inject('appUrl') } });
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
	});
});
