import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { joinOrg, newOrg } from '../fixtures/factories';
import { seedScoredRound, type ScoredRound } from '../fixtures/results-scenario';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { get, postForm, sessionCookie } from './http-helpers';

// The results API and the organiser's review page over HTTP: the whole lifecycle with a token,
// another organisation and other people refused, malformed input a 4xx in the error shape.

let world: { owner: OrgActor; token: string; strangerToken: string; scored: ScoredRound; otherCompetitionId: string };

beforeAll(async () => {
	const owner = await newOrg();
	const stranger = await newOrg();
	const scored = await seedScoredRound(owner, [
		{ percents: [90, 90, 90, 90, 90], theory: 9000 },
		{ percents: [80, 80, 80, 80, 80], theory: 9000 },
		{ percents: [70, 70, 70, 70, 70], theory: 9000 }
	]);
	const other = await seedScoredRound(owner, [{ percents: [50, 50, 50, 50, 50], theory: 5000 }], { signOff: false });
	world = {
		owner,
		token: (await createApiToken(owner, 'results')).token,
		strangerToken: (await createApiToken(stranger, 'stranger')).token,
		scored,
		otherCompetitionId: other.round.competitionId
	};
}, 120_000);

function call(method: string, path: string, body?: unknown, token = world.token, competitionId = world.scored.round.competitionId) {
	return fetch(`${inject('appUrl')}/api/v1/competitions/${competitionId}/rounds/${world.scored.round.roundId}/results${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
}

const reviewPage = () => `/orgs/${world.owner.organisation.slug}/competitions/${world.scored.round.competitionId}/rounds/${world.scored.round.roundId}/results`;

describe('the results API', () => {
	it('computes, lists, reads, verifies, diffs, awards, reveals and publishes; finalising waits for the notice', async () => {
		const computed = await call('POST', '/compute', { reason: '' });
		expect(computed.status).toBe(201);
		const first = await computed.json();
		expect(first).toMatchObject({ version: 1, entries: 3 });
		const versions = await (await call('GET', '/versions')).json();
		expect(versions.map((version: { version: number }) => version.version)).toEqual([1]);
		const version = await (await call('GET', `/versions/${first.id}`)).json();
		expect(version.result.result.entries.map((entry: { total: number }) => entry.total)).toEqual([9000, 8200, 7400]);
		// Numbers only: nobody's name is in a version.
		expect(JSON.stringify(version)).not.toContain(world.scored.round.entries[0]!.name);
		const verified = await (await call('POST', '/verify', {})).json();
		expect(verified).toMatchObject({ inputsMatch: true, numbersMatch: true });
		const award = await call('POST', '/special-awards', { entryId: world.scored.round.entries[2]!.id, title: '最佳进步奖', reason: '进步显著' });
		expect(award.status).toBe(201);
		const second = await (await call('POST', '/compute', { reason: '特别奖' })).json();
		const diff = await (await call('GET', `/diff?from=${first.id}&to=${second.id}`)).json();
		expect(diff.diff.entries).toEqual([expect.objectContaining({ entryId: world.scored.round.entries[2]!.id, specialAward: { from: null, to: '最佳进步奖' } })]);
		expect((await call('POST', '/publish', { days: 7 })).status).toBe(409);
		// The review page is blind (numbers only) until the reveal, then shows names.
		const cookie = await sessionCookie(world.owner.user.id);
		const blindPage = await (await get(reviewPage(), cookie)).text();
		expect(blindPage).toContain('data-testid="results-number"');
		expect(blindPage).not.toContain(world.scored.round.entries[0]!.name);
		expect((await call('POST', '/reveal')).status).toBe(200);
		expect(await (await get(reviewPage(), cookie)).text()).toContain(world.scored.round.entries[0]!.name);
		const published = await call('POST', '/publish', { days: 7 });
		expect(published.status).toBe(200);
		expect(await published.json()).toMatchObject({ versionId: second.id, version: 2 });
		const finalise = await call('POST', '/finalise');
		expect(finalise.status).toBe(409);
		expect((await finalise.json()).error.code).toBe('results_notice_open');
		const advance = await call('POST', '/advance');
		expect(advance.status).toBe(409);
		expect((await advance.json()).error.code).toBe('results_no_next_round');
		const awards = await (await call('GET', '/special-awards')).json();
		expect((await call('DELETE', '/special-awards', { awardId: awards[0].id, reason: '撤销' })).status).toBe(204);
	});

	it('finds nothing of another organisation, nor a round under another competition', async () => {
		for (const [method, path, body] of [['POST', '/compute', {}], ['GET', '/versions', undefined], ['POST', '/reveal', undefined], ['POST', '/special-awards', { entryId: world.scored.round.entries[0]!.id, title: '奖', reason: '理由' }]] as const) {
			expect(`${method} ${path} ${(await call(method, path, body, world.strangerToken)).status}`).toBe(`${method} ${path} 404`);
			expect(`${method} ${path} ${(await call(method, path, body, world.token, world.otherCompetitionId)).status}`).toBe(`${method} ${path} 404`);
		}
	});

	it('answers malformed input with a 4xx in the error shape', async () => {
		const cases: [string, string, unknown, number, string | null][] = [
			['POST', '/compute', '{"reason": ', 400, null],
			['POST', '/compute', { reason: 'x'.repeat(2001) }, 400, 'reason'],
			['POST', '/verify', { versionId: 'not-a-uuid' }, 400, 'versionId'],
			['GET', '/versions/not-a-uuid', undefined, 400, null],
			['GET', `/versions/${crypto.randomUUID()}`, undefined, 404, null],
			['GET', '/diff?from=1&to=2', undefined, 400, 'from'],
			['POST', '/special-awards', { entryId: world.scored.round.entries[0]!.id, title: '', reason: '理由' }, 400, 'title'],
			['POST', '/special-awards', { entryId: crypto.randomUUID(), title: '奖', reason: '理由' }, 400, 'entryId'],
			['DELETE', '/special-awards', { awardId: crypto.randomUUID(), reason: '理由' }, 404, null],
			['POST', '/publish', { days: 7, endsAt: '2030-01-01T00:00:00Z' }, 400, 'endsAt'],
			['POST', '/publish', { days: 0 }, 400, 'days'],
			['POST', '/publish', { startsAt: 'tomorrow', days: 3 }, 400, 'startsAt']
		];
		for (const [method, path, body, status, field] of cases) {
			const response = await call(method, path, body);
			const answer = await response.json();
			expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} ${status}`);
			expect(typeof answer.error.message).toBe('string');
			if (field) expect(Object.keys(answer.error.fields ?? {})).toContain(field);
		}
	});
});

describe('the organiser’s review page', () => {
	const page = reviewPage;

	it('shows the ranking to the organiser, and refuses a contestant and another organisation', async () => {
		const ownerPage = await get(page(), await sessionCookie(world.owner.user.id));
		expect(ownerPage.status).toBe(200);
		const html = await ownerPage.text();
		expect(html).toContain('data-testid="results-ranking"');
		const contestant = await joinOrg(world.owner, 'contestant');
		expect((await get(page(), await sessionCookie(contestant.user.id))).status).toBe(403);
		const stranger = await newOrg();
		expect((await get(page().replace(world.owner.organisation.slug, stranger.organisation.slug), await sessionCookie(stranger.user.id))).status).toBe(404);
	});

	it('answers a form with field errors and refuses a stranger’s post', async () => {
		const cookie = await sessionCookie(world.owner.user.id);
		const bad = await postForm(`${page()}?/addAward`, { entryId: world.scored.round.entries[0]!.id, title: '', reason: '' }, cookie);
		expect(bad.status).toBe(400);
		const text = await bad.text();
		expect(text).toContain('aria-invalid="true"');
		const contestant = await joinOrg(world.owner, 'contestant');
		expect((await postForm(`${page()}?/compute`, { reason: '' }, await sessionCookie(contestant.user.id))).status).toBe(403);
	});
});
