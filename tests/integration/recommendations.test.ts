import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { issueCertificates } from '../../src/lib/server/certificates/certificate-service';
import { recommend } from '../../src/lib/server/recommendation/recommendation-service';
import { newOrg, joinOrg, newUser } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { competitionWithEntries } from '../fixtures/entries';
import { seedFinalResult } from '../fixtures/results';
import { get, postForm, sessionCookie } from './http-helpers';

// Upward recommendation (issue 17): a county (the child) recommends winners of its final results to a
// city award (the parent) within the quota the city gave it; the city sees them in screening with their
// rank, tier and certificate, and screens them like any other entry. The quota holds under concurrent
// requests; a third organisation sees nothing of either; contestants of the county cannot recommend.

interface Side {
	owner: OrgActor;
	token: string;
}

let parent: Side;
let child: Side;
let stranger: Side;
let parentCompetition: { competitionId: string; eventId: string; otherEntryIds: string[] };
let round: JudgeRound;
let versionId: string;

function api(side: Side, method: string, pathname: string, body?: unknown): Promise<Response> {
	return fetch(`${inject('appUrl')}/api/v1${pathname}`, {
		method,
		headers: { authorization: `Bearer ${side.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
}

async function side(): Promise<Side> {
	const owner = await newOrg();
	return { owner, token: (await createApiToken(owner, 'recommendation')).token };
}

async function addQuota(quota: number, eventId = parentCompetition.eventId, competitionId = parentCompetition.competitionId) {
	const response = await api(parent, 'POST', `/competitions/${competitionId}/nomination-quotas`, { childOrganisation: child.owner.organisation.slug, eventId, quota });
	expect(response.status).toBe(201);
	return (await response.json()) as { id: string; quota: number; used: number };
}

const winner = (index: number) => ({ resultVersionId: versionId, entryId: round.entries[index]!.id });

beforeAll(async () => {
	[parent, child, stranger] = [await side(), await side(), await side()];
	const seeded = await competitionWithEntries(parent.owner, { count: 2, eventName: '八婺工匠' });
	parentCompetition = { competitionId: seeded.competition.id, eventId: seeded.event.id, otherEntryIds: seeded.entries.map((entry) => entry.id) };
	round = await seedJudgeRound(child.owner, { count: 5, blind: false });
	const tiers = ['工匠', '工匠', '工匠', null, null];
	({ resultVersionId: versionId } = await seedFinalResult(
		child.owner,
		round.roundId,
		round.entries.map((entry, index) => ({ entryId: entry.id, number: entry.number, rank: index + 1, total: 9500 - index * 100, tierKey: tiers[index] ? 'craftsman' : null, tierLabel: tiers[index], specialAward: index === 3 ? '工匠特别奖' : null }))
	));
	await issueCertificates(child.owner, round.competitionId);
}, 120_000);

describe('the whole flow', () => {
	let quotaId: string;
	const made: { id: string; entryId: string }[] = [];

	it('the parent gives the child a quota; the child sees the invitation and only that', async () => {
		quotaId = (await addQuota(2)).id;
		const invitations = await (await api(child, 'GET', '/nominations')).json();
		expect(invitations.invitations).toEqual([expect.objectContaining({ id: quotaId, parentOrganisation: parent.owner.organisation.name, eventName: '八婺工匠', quota: 2, used: 0, open: true })]);
		expect(JSON.stringify(invitations)).not.toContain(parentCompetition.competitionId);
		const detail = await (await api(child, 'GET', `/nominations/${quotaId}`)).json();
		// Winners only: three tiers and a special award, not the last placing.
		expect(detail.candidates.map((row: { entryId: string }) => row.entryId).sort()).toEqual(round.entries.slice(0, 4).map((entry) => entry.id).sort());
		expect(detail.candidates[0]).toMatchObject({ rank: 1, rankedCount: 5, tier: '工匠', certificateSerial: expect.any(String) });
	});

	it('the child recommends two winners; the parent sees them as entries with rank, tier and certificate', async () => {
		for (const index of [0, 3]) {
			const response = await api(child, 'POST', `/nominations/${quotaId}/recommendations`, { ...winner(index), note: '连续三年获县级工匠称号' });
			expect(response.status).toBe(201);
			made.push(await response.json());
		}
		const evidence = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/recommendations`)).json()).recommendations;
		expect(evidence).toHaveLength(2);
		const first = evidence.find((row: { rank: number }) => row.rank === 1);
		expect(first).toMatchObject({ sourceOrganisation: child.owner.organisation.name, rankedCount: 5, total: 95, tier: '工匠', certificateSerial: expect.any(String), verifyPath: expect.stringMatching(/^\/verify\/[A-Z2-9]{12}$/) });
		expect(evidence.find((row: { rank: number }) => row.rank === 4)).toMatchObject({ tier: null, specialAward: '工匠特别奖' });
		// The verification link works for anyone.
		expect((await get(first.verifyPath)).status).toBe(200);
		const entries = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/entries`)).json()).entries;
		const recommended = entries.filter((entry: { source: string }) => entry.source === 'recommendation');
		expect(recommended.map((entry: { status: string; members: { name: string }[] }) => [entry.status, entry.members[0]!.name]).sort()).toEqual(
			[0, 3].map((index) => ['submitted', round.entries[index]!.name]).sort()
		);
		expect(await (await api(child, 'GET', '/nominations')).json()).toMatchObject({ invitations: [{ used: 2 }] });
	});

	it('the parent’s screening page shows where each comes from and what it won', async () => {
		const cookie = await sessionCookie(parent.owner.user.id);
		const list = await (await get(`/orgs/${parent.owner.organisation.slug}/competitions/${parentCompetition.competitionId}/entries`, cookie)).text();
		expect(list).toContain(child.owner.organisation.name);
		expect(list).toContain('工匠特别奖');
		const evidence = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/recommendations`)).json()).recommendations;
		const detail = await (await get(`/orgs/${parent.owner.organisation.slug}/competitions/${parentCompetition.competitionId}/entries/${evidence[0].entryId}`, cookie)).text();
		expect(detail).toContain('data-testid="recommendation-evidence"');
		expect(detail).toContain(evidence[0].certificateSerial);
		expect(detail).toContain('连续三年获县级工匠称号');
	});

	it('refuses a third recommendation over the quota with a translated error', async () => {
		const response = await api(child, 'POST', `/nominations/${quotaId}/recommendations`, winner(1));
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({ error: { code: 'recommendation_quota_full', message: expect.stringContaining('2') } });
	});

	it('the parent screens one as passed; it can no longer be withdrawn, the other can', async () => {
		const screened = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/recommendations`)).json()).recommendations.find((row: { rank: number }) => row.rank === 1);
		const decision = await api(parent, 'POST', `/competitions/${parentCompetition.competitionId}/entries/decisions`, { decision: 'approve', entryIds: [screened.entryId] });
		expect(decision.status).toBe(200);
		const refused = await api(child, 'POST', `/recommendations/${screened.recommendationId}/withdraw`, { reason: '' });
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({ error: { code: 'recommendation_already_screened' } });
		const other = made.find((row) => row.id !== screened.recommendationId)!;
		expect((await api(child, 'POST', `/recommendations/${other.id}/withdraw`, { reason: '本人放弃' })).status).toBe(204);
		const detail = await (await api(child, 'GET', `/nominations/${quotaId}`)).json();
		expect(detail.invitation).toMatchObject({ used: 1 });
		expect(detail.recommendations.map((row: { status: string; screening: string }) => `${row.status}:${row.screening}`).sort()).toEqual(['active:approved', 'withdrawn:withdrawn']);
	});

	it('writes both organisations’ logs in words', async () => {
		const childLog = await db()<{ action: string; subjectLabel: string }[]>`select action, subject_label from audit_log where organisation_id = ${child.owner.organisation.id} and action like 'recommendation.%'`;
		const parentLog = await db()<{ action: string; after: unknown }[]>`select action, after from audit_log where organisation_id = ${parent.owner.organisation.id} and action in ('entry.recommended', 'entry.withdrawn', 'nomination_quota.added')`;
		expect(childLog.map((row) => row.action).sort()).toEqual(['recommendation.made', 'recommendation.made', 'recommendation.withdrawn']);
		expect(childLog[0]!.subjectLabel).toContain(round.entries[0]!.name.slice(0, 2));
		expect(parentLog.map((row) => row.action).sort()).toEqual(['entry.recommended', 'entry.recommended', 'entry.withdrawn', 'nomination_quota.added']);
		// Never a raw ID number in the log.
		expect(JSON.stringify(parentLog)).not.toContain(round.entries[0]!.idNumber);
	});
});

describe('the quota under concurrency', () => {
	it('two requests at once for the last place: exactly one is taken', async () => {
		const seeded = await competitionWithEntries(parent.owner, { count: 0, eventName: '金华工匠' });
		const quota = await addQuota(1, seeded.event.id, seeded.competition.id);
		const answers = await Promise.all([1, 2].map((index) => api(child, 'POST', `/nominations/${quota.id}/recommendations`, winner(index))));
		expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
		const [row] = await db()<{ count: number }[]>`select count(*)::int as count from recommendation where quota_id = ${quota.id} and status = 'active'`;
		expect(row!.count).toBe(1);
		const [entries] = await db()<{ count: number }[]>`select count(*)::int as count from entry where competition_id = ${seeded.competition.id}`;
		expect(entries!.count).toBe(1);
	});

	it('refuses a placing without a tier or special award, and a version that is not final', async () => {
		const seeded = await competitionWithEntries(parent.owner, { count: 0, eventName: '义乌工匠' });
		const quota = await addQuota(3, seeded.event.id, seeded.competition.id);
		const loser = await api(child, 'POST', `/nominations/${quota.id}/recommendations`, winner(4));
		expect(await loser.json()).toMatchObject({ error: { code: 'recommendation_not_a_winner' } });
		const unknown = await api(child, 'POST', `/nominations/${quota.id}/recommendations`, { resultVersionId: crypto.randomUUID(), entryId: round.entries[0]!.id });
		expect(unknown.status).toBe(404);
	});
});

describe('tenant isolation', () => {
	it('a third organisation sees nothing of the invitation, the quota or the recommended entries', async () => {
		const quotaId = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/nomination-quotas`)).json()).quotas[0].id;
		expect(await (await api(stranger, 'GET', '/nominations')).json()).toEqual({ invitations: [] });
		expect((await api(stranger, 'GET', `/nominations/${quotaId}`)).status).toBe(404);
		expect((await api(stranger, 'POST', `/nominations/${quotaId}/recommendations`, winner(2))).status).toBe(404);
		expect((await api(stranger, 'GET', `/competitions/${parentCompetition.competitionId}/nomination-quotas`)).status).toBe(404);
		expect((await api(stranger, 'GET', `/competitions/${parentCompetition.competitionId}/recommendations`)).status).toBe(404);
		expect((await api(stranger, 'PATCH', `/competitions/${parentCompetition.competitionId}/nomination-quotas/${quotaId}`, { quota: 50 })).status).toBe(404);
	});

	it('the child cannot see the parent’s other entries; the parent cannot see the child’s data', async () => {
		expect((await api(child, 'GET', `/competitions/${parentCompetition.competitionId}/entries`)).status).toBe(404);
		expect((await api(child, 'GET', `/competitions/${parentCompetition.competitionId}/nomination-quotas`)).status).toBe(404);
		const detail = JSON.stringify(await (await api(child, 'GET', '/nominations')).json());
		for (const id of parentCompetition.otherEntryIds) expect(detail).not.toContain(id);
		const quotaId = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/nomination-quotas`)).json()).quotas[0].id;
		// The parent gave the invitation: the child's candidates (its other results) are not the parent's to read.
		expect((await api(parent, 'GET', `/nominations/${quotaId}`)).status).toBe(404);
		expect((await api(parent, 'GET', `/competitions/${round.competitionId}/entries`)).status).toBe(404);
		const recommendationId = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/recommendations`)).json()).recommendations[0].recommendationId;
		expect((await api(parent, 'POST', `/recommendations/${recommendationId}/withdraw`, { reason: '' })).status).toBe(404);
	});
});

describe('input and roles', () => {
	it('answers malformed input with a 4xx in the error shape', async () => {
		const cases: [string, string, unknown][] = [
			['POST', `/competitions/${parentCompetition.competitionId}/nomination-quotas`, { childOrganisation: 'Not A Slug!', eventId: parentCompetition.eventId, quota: 2 }],
			['POST', `/competitions/${parentCompetition.competitionId}/nomination-quotas`, { childOrganisation: child.owner.organisation.slug, eventId: parentCompetition.eventId, quota: 'twelve' }],
			['POST', `/competitions/${parentCompetition.competitionId}/nomination-quotas`, { childOrganisation: child.owner.organisation.slug, eventId: 'x', quota: 0 }],
			['POST', `/competitions/${parentCompetition.competitionId}/nomination-quotas`, '{"quota": '],
			['PATCH', `/competitions/${parentCompetition.competitionId}/nomination-quotas/not-a-uuid`, { quota: 1 }],
			['POST', `/nominations/${crypto.randomUUID()}/recommendations`, { resultVersionId: 'x', entryId: 7 }],
			['POST', `/recommendations/${crypto.randomUUID()}/withdraw`, { reason: 5 }]
		];
		for (const [method, pathname, body] of cases) {
			const side = pathname.startsWith('/competitions') ? parent : child;
			const response = await api(side, method, pathname, body);
			expect(`${method} ${pathname} ${response.status}`).toMatch(/ 4\d\d$/);
			expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
		}
		const unknownChild = await api(parent, 'POST', `/competitions/${parentCompetition.competitionId}/nomination-quotas`, { childOrganisation: 'no-such-county', eventId: parentCompetition.eventId, quota: 2 });
		expect(await unknownChild.json()).toMatchObject({ error: { code: 'nomination_child_unknown', fields: { childOrganisation: expect.any(String) } } });
		const below = (await (await api(parent, 'GET', `/competitions/${parentCompetition.competitionId}/nomination-quotas`)).json()).quotas[0];
		const lowered = await api(parent, 'PATCH', `/competitions/${parentCompetition.competitionId}/nomination-quotas/${below.id}`, { quota: below.used - 1 || 1 });
		expect(lowered.status).toBe(below.used > 1 ? 409 : 200);
	});

	it('a contestant of the child organisation cannot recommend, by the service or the page', async () => {
		const contestant = await joinOrg(child.owner, 'contestant');
		const quotaId = (await (await api(child, 'GET', '/nominations')).json()).invitations[0].id;
		await expect(recommend(contestant, quotaId, { ...winner(2), note: '' })).rejects.toMatchObject({ code: 'forbidden' });
		const cookie = await sessionCookie(contestant.user.id);
		expect((await get(`/orgs/${child.owner.organisation.slug}/nominations/${quotaId}`, cookie)).status).toBe(403);
		const posted = await postForm(`/orgs/${child.owner.organisation.slug}/nominations/${quotaId}?/recommend`, { ...winner(2), note: '' }, cookie);
		expect(posted.status).toBe(403);
		const [row] = await db()<{ count: number }[]>`select count(*)::int as count from recommendation where quota_id = ${quotaId} and source_entry_id = ${round.entries[2]!.id}`;
		expect(row!.count).toBe(0);
	});

	it('a judge of the child’s competition cannot open the invitation or recommend', async () => {
		const judge = await newUser();
		await db()`insert into judge (organisation_id, competition_id, user_id, name) values (${child.owner.organisation.id}, ${round.competitionId}, ${judge.id}, '评委')`;
		const quotaId = (await (await api(child, 'GET', '/nominations')).json()).invitations[0].id;
		const cookie = await sessionCookie(judge.id);
		expect((await get(`/orgs/${child.owner.organisation.slug}/nominations/${quotaId}`, cookie)).status).toBeGreaterThanOrEqual(400);
		const posted = await postForm(`/orgs/${child.owner.organisation.slug}/nominations/${quotaId}?/recommend`, { ...winner(2), note: '' }, cookie);
		expect(posted.status).toBeGreaterThanOrEqual(400);
		const [row] = await db()<{ count: number }[]>`select count(*)::int as count from recommendation where quota_id = ${quotaId} and source_entry_id = ${round.entries[2]!.id}`;
		expect(row!.count).toBe(0);
	});

	it('the child’s organiser recommends through the page (no JavaScript) and the page shows it', async () => {
		const seeded = await competitionWithEntries(parent.owner, { count: 0, eventName: '浦江工匠' });
		const quota = await addQuota(1, seeded.event.id, seeded.competition.id);
		const organiser = await joinOrg(child.owner, 'organiser');
		const cookie = await sessionCookie(organiser.user.id);
		const posted = await postForm(`/orgs/${child.owner.organisation.slug}/nominations/${quota.id}?/recommend`, { ...winner(2), note: '' }, cookie);
		expect(posted.status).toBeLessThan(400);
		const page = await (await get(`/orgs/${child.owner.organisation.slug}/nominations/${quota.id}`, cookie)).text();
		expect(page).toContain('data-testid="recommendation-row"');
		expect(page).toContain(round.entries[2]!.name);
	});
});
