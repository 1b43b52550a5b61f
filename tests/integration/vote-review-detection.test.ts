import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { candidateTallies, publicVoidedSummary, runDetectionNow } from '../../src/lib/server/vote-review/review-service';
import { detectInRoundsBeingVoted } from '../../src/lib/server/vote-review/detection-job';
import { joinOrg, newOrg } from '../fixtures/factories';
import { insertVotes, ordinaryTimes, seededRandom, votingRound, type VotingRound } from '../fixtures/votes';

// A county award's public vote: 20 candidates with three days of ordinary votes, a genuine WeChat
// burst for No. 5 (many first-time voters from many networks), and 2,500 bought votes for No. 17 in
// three hours from one address prefix, fresh voter keys, at a script's even pace.

const SHANGHAI = 8 * 3600_000;
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 4, day, hour, minute) - SHANGHAI);
const RIG_VOTES = 2500;
const RIG_FROM = at(2, 14);

let owner: OrgActor;
let round: VotingRound;
let token: string;
let ordinaryPerCandidate: number[];

const api = (method: string, path: string, body?: unknown, bearer = token) =>
	fetch(`${inject('appUrl')}/api/v1${path}`, {
		method,
		headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});

const voteCount = async (roundId: string) => (await db()<{ count: number }[]>`select count(*)::int as count from vote where round_id = ${roundId}`)[0]!.count;
const tallyOf = async (number: number) => (await candidateTallies(owner, round.roundId)).find((row) => row.number === number)!;

async function seedVotes(target: VotingRound, organisationId: string, seed: number): Promise<number[]> {
	const random = seededRandom(seed);
	const voterPool = Array.from({ length: 2000 }, (_, index) => `ordinary-voter-${seed}-${index}`);
	const counts: number[] = [];
	for (const [index, entryId] of target.entryIds.entries()) {
		const times = ordinaryTimes(200 + Math.floor(random() * 100), at(1, 8), at(4, 8), random);
		counts.push(times.length);
		await insertVotes({
			organisationId, roundId: target.roundId, entryId, times,
			voterKey: () => voterPool[Math.floor(random() * voterPool.length)]!,
			addressPrefixHash: () => `prefix-${Math.floor(random() * 3000)}`,
			userAgentHash: () => `agent-${Math.floor(random() * 25)}`
		});
		if (index === 4) {
			// The genuine burst: 600 first-time voters in twenty minutes, from everywhere.
			const burst = ordinaryTimes(600, at(2, 20), at(2, 20, 20), random);
			await insertVotes({ organisationId, roundId: target.roundId, entryId, times: burst, addressPrefixHash: () => `prefix-${Math.floor(random() * 3000)}`, userAgentHash: () => `agent-${Math.floor(random() * 25)}` });
			counts[index]! += burst.length;
		}
	}
	// The rigging: every 4.32 s ± 0.1 s for three hours, one prefix, one agent, never the same voter twice.
	const rigged = Array.from({ length: RIG_VOTES }, (_, index) => new Date(RIG_FROM.getTime() + index * 4320 + Math.floor((random() - 0.5) * 200)));
	await insertVotes({ organisationId, roundId: target.roundId, entryId: target.entryIds[16]!, times: rigged, voterKey: (index) => `bought-${seed}-${index}`, addressPrefixHash: 'rig-prefix', userAgentHash: 'rig-agent' });
	return counts;
}

beforeAll(async () => {
	owner = await newOrg();
	round = await votingRound(owner, { candidates: 20, opensAt: at(1, 8), closesAt: at(4, 8) });
	ordinaryPerCandidate = await seedVotes(round, owner.organisation.id, 17);
	token = (await createApiToken(owner, '投票审核')).token;
}, 120_000);

describe('burst detection', () => {
	it('flags the bought votes for No. 17 and no ordinary vote, and says so in the audit log', async () => {
		const before = await voteCount(round.roundId);
		const response = await api('POST', `/rounds/${round.roundId}/vote-review/detection`);
		expect(response.status).toBe(200);
		const report = await response.json();
		expect(report.flagged).toBe(RIG_VOTES);
		expect(report.candidates).toHaveLength(1);
		expect(report.candidates[0]).toMatchObject({ label: expect.stringMatching(/^No\. 17/), votes: RIG_VOTES, addressPrefixes: 1 });
		expect(report.candidates[0].reasons.map((reason: { reason: string }) => reason.reason)).toEqual(expect.arrayContaining(['address_cluster', 'regular_timing', 'user_agent_cluster']));

		const tallies = await candidateTallies(owner, round.roundId);
		expect(tallies.map((row) => row.flagged)).toEqual(tallies.map((row) => (row.number === 17 ? RIG_VOTES : 0)));
		expect(tallies.map((row) => row.accepted)).toEqual(ordinaryPerCandidate);
		const flaggedOrdinary = await db()<{ count: number }[]>`select count(*)::int as count from vote where round_id = ${round.roundId} and status = 'flagged' and address_prefix_hash <> 'rig-prefix'`;
		expect(flaggedOrdinary[0]!.count).toBe(0);
		expect(await voteCount(round.roundId)).toBe(before);

		const audit = await db()<{ action: string; subjectLabel: string; actorUserId: string | null }[]>`
			select action, subject_label, actor_user_id from audit_log where subject_id = ${round.roundId} and action like 'vote.%' order by id`;
		expect(audit.map((row) => row.action)).toEqual(['vote.flagged', 'vote.detection_run']);
		expect(audit[0]!.subjectLabel).toMatch(/burst detection flagged 2,500 votes for No\. 17 .*from one address prefix: .*one address prefix.*; 2026-05-02 (13:59|14:00)–(16:59|17:00)$/);
		expect(audit[0]!.actorUserId).toBe(owner.user.id);
	});

	it('flags nothing twice: a second run finds the same votes already held', async () => {
		const report = await runDetectionNow(owner, round.roundId);
		expect(report.flagged).toBe(0);
		expect((await tallyOf(17)).flagged).toBe(RIG_VOTES);
	});

	it('lists the cluster for review, and voiding it with a reason takes it out of No. 17’s count for good', async () => {
		const flags = await (await api('GET', `/rounds/${round.roundId}/vote-review/flags`)).json();
		expect(flags.clusters).toHaveLength(1);
		const [cluster] = flags.clusters;
		expect(cluster).toMatchObject({ entryId: round.entryIds[16], addressPrefixHash: 'rig-prefix', votes: RIG_VOTES, userAgents: 1, freshVoters: RIG_VOTES });

		const voided = await api('POST', `/rounds/${round.roundId}/vote-review/void`, { cluster: { entryId: cluster.entryId, addressPrefixHash: cluster.addressPrefixHash }, reasonClass: 'bought_votes', reason: '同一网段三小时内等间隔投票' });
		expect(voided.status).toBe(200);
		expect(await voided.json()).toEqual({ changed: RIG_VOTES, perCandidate: [{ entryId: round.entryIds[16], fromStatus: 'flagged', votes: RIG_VOTES }] });
		expect(await tallyOf(17)).toMatchObject({ accepted: ordinaryPerCandidate[16], flagged: 0, voided: RIG_VOTES });
		const tallies = await (await api('GET', `/rounds/${round.roundId}/vote-review/tallies`)).json();
		expect(tallies.candidates.find((row: { number: number }) => row.number === 17)).toMatchObject({ accepted: ordinaryPerCandidate[16], flagged: 0, voided: RIG_VOTES });

		const [audit] = await db()<{ subjectLabel: string; after: { reasonClass: string; votes: number } }[]>`
			select subject_label, after from audit_log where subject_id = ${round.roundId} and action = 'vote.voided'`;
		expect(audit!.after).toMatchObject({ reasonClass: 'bought_votes', votes: RIG_VOTES });
		expect(audit!.subjectLabel).toContain('voided (bought_votes) 2,500 flagged votes for No. 17');
		// Published after the window, per candidate and reason class; the rows are all still there.
		expect(await publicVoidedSummary(owner.organisation.id, round.roundId, at(3, 8))).toBeNull();
		expect(await publicVoidedSummary(owner.organisation.id, round.roundId, at(5, 8))).toEqual([{ entryId: round.entryIds[16], number: 17, name: expect.any(String), voided: [{ reasonClass: 'bought_votes', votes: RIG_VOTES }] }]);
		const [rows] = await db()<{ count: number }[]>`select count(*)::int as count from vote where round_id = ${round.roundId} and status = 'voided' and reason_class = 'bought_votes' and decided_by = ${owner.user.id}`;
		expect(rows!.count).toBe(RIG_VOTES);
	});

	it('restores chosen votes to the count, and detection leaves a decided vote alone', async () => {
		const ids = (await db()<{ id: string }[]>`select id from vote where round_id = ${round.roundId} and status = 'voided' order by cast_at limit 40`).map((row) => row.id);
		const restored = await api('POST', `/rounds/${round.roundId}/vote-review/restore`, { voteIds: ids, reason: '复核：其中40票为同事真实投票' });
		expect(await restored.json()).toMatchObject({ changed: 40 });
		expect(await tallyOf(17)).toMatchObject({ accepted: ordinaryPerCandidate[16]! + 40, voided: RIG_VOTES - 40 });
		expect((await runDetectionNow(owner, round.roundId)).flagged).toBe(0);
		expect((await tallyOf(17)).accepted).toBe(ordinaryPerCandidate[16]! + 40);
		const [audit] = await db()<{ subjectLabel: string }[]>`select subject_label from audit_log where subject_id = ${round.roundId} and action = 'vote.restored'`;
		expect(audit!.subjectLabel).toMatch(/restored to accepted 40 voided votes for No\. 17 .*: 复核：其中40票/);
	});

	it('exports every vote as xlsx with hashes and Shanghai times', async () => {
		const response = await api('GET', `/rounds/${round.roundId}/vote-review/export`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('spreadsheetml');
		const { readFirstSheet } = await import('../../src/lib/server/workbooks/xlsx');
		const rows = (await readFirstSheet(await response.arrayBuffer())).filter((row) => row.rowNumber > 1);
		expect(rows).toHaveLength(await voteCount(round.roundId));
		const rigged = rows.filter((row) => row.cells.includes('rig-prefix'));
		expect(rigged).toHaveLength(RIG_VOTES);
		expect(rigged[0]!.cells[3]).toMatch(/^2026-05-0\d \d\d:\d\d:\d\d$/);
		expect(rigged.filter((row) => row.cells.includes('voided') && row.cells.includes('bought_votes'))).toHaveLength(RIG_VOTES - 40);
		expect(rigged.every((row) => /^2026-05-02 1[3-7]:\d\d:\d\d$/.test(row.cells[3]!))).toBe(true);
	}, 90_000);
});

describe('the periodic job', () => {
	it('runs over rounds being voted on (and not over others), under each round’s lock', async () => {
		const other = await newOrg();
		const open = await votingRound(other, { candidates: 20, opensAt: new Date('2031-03-01T00:00:00Z'), closesAt: new Date('2031-03-08T00:00:00Z') });
		await seedVotes(open, other.organisation.id, 5);
		expect(await detectInRoundsBeingVoted(new Date('2031-02-01T00:00:00Z'))).toBe(0);
		expect(await detectInRoundsBeingVoted(new Date('2031-03-04T00:00:00Z'))).toBe(RIG_VOTES);
		const [audit] = await db()<{ actorLabel: string; actorUserId: string | null }[]>`select actor_label, actor_user_id from audit_log where subject_id = ${open.roundId} and action = 'vote.detection_run'`;
		expect(audit).toMatchObject({ actorUserId: null, actorLabel: expect.stringContaining('burst detection') });
	}, 120_000);
});

describe('who may review', () => {
	it('refuses contestants and other organisations, and malformed input with 4xx', async () => {
		const contestant = await joinOrg(owner, 'contestant');
		await expect(candidateTallies(contestant, round.roundId)).rejects.toMatchObject({ code: 'forbidden' });
		const stranger = await newOrg();
		const strangerToken = (await createApiToken(stranger, '别家')).token;
		for (const [method, path, body] of [
			['GET', 'tallies'], ['GET', 'flags'], ['GET', 'export'], ['POST', 'detection'],
			['POST', 'void', { voteIds: [round.entryIds[0]], reasonClass: 'bot', reason: '试探' }],
			['POST', 'restore', { voteIds: [round.entryIds[0]], reason: '试探' }]
		] as [string, string, unknown?][]) {
			const response = await api(method, `/rounds/${round.roundId}/vote-review/${path}`, body, strangerToken);
			expect(response.status, path).toBe(404);
		}
		for (const body of ['{', { reasonClass: 'bot', reason: '两者都无' }, { voteIds: ['x'], reasonClass: 'bot', reason: 'a' }, { voteIds: [round.entryIds[0]], reasonClass: 'robbery', reason: 'a' }, { voteIds: [round.entryIds[0]], reasonClass: 'bot', reason: '' }]) {
			const response = await api('POST', `/rounds/${round.roundId}/vote-review/void`, body);
			expect(response.status).toBe(400);
			const answer = await response.json();
			expect(answer.error).toMatchObject({ code: body === '{' ? 'invalid_json' : 'validation_failed', message: expect.any(String) });
			if (body !== '{') expect(Object.keys(answer.error.fields).length).toBeGreaterThan(0);
		}
		expect((await api('GET', `/rounds/not-a-uuid/vote-review/tallies`)).status).toBe(400);
	});
});
