import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { newOrg } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { seedPanel, type PanelJudge } from '../fixtures/live-judging';
import { sessionCookie } from './http-helpers';
import { competitionRouteRequests, type RouteRequest } from './competition-routes';

// Every page, form action and download under …/competitions/[competition]/…/[round]/… answers 404
// when the round is another competition's of the same organisation — found in the route files
// themselves, so a new route is in the table the day it is added. The same requests with the round's
// own competition are not 404s, so the table can fail.

/** The competition's routes that have a [round]. */
const roundRequests = () => competitionRouteRequests().filter((request) => request.pattern.includes('[round=uuid]'));

let world: { slug: string; cookie: string; here: JudgeRound; there: JudgeRound; judges: PanelJudge[] };

beforeAll(async () => {
	const owner = await newOrg();
	const here = await seedJudgeRound(owner, { count: 1 });
	const there = await seedJudgeRound(owner, { count: 2 });
	const judges = await seedPanel(owner, there, 2);
	world = { slug: owner.organisation.slug, cookie: await sessionCookie(owner.user.id), here, there, judges };
}, 60_000);

function send(request: RouteRequest, competitionId: string): Promise<Response> {
	const app = inject('appUrl');
	const filled = request.pattern.replace('[round=uuid]', world.there.roundId).replace('[judge=uuid]', world.judges[0]!.judgeId);
	return fetch(`${app}/orgs/${world.slug}/competitions/${competitionId}${filled}`, {
		method: request.method,
		redirect: 'manual',
		// A browser without JavaScript: an empty form, so nothing but the path can make the difference.
		...(request.method === 'POST' ? { body: new URLSearchParams() } : {}),
		headers: { origin: app, accept: 'text/html', cookie: world.cookie, ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }
	});
}

describe('a round under another competition’s path', () => {
	const requests = roundRequests();

	it('finds the pages, actions and downloads to walk', () => {
		const listed = requests.map((request) => `${request.method} ${request.pattern}`);
		for (const expected of [
			'GET /rounds/[round=uuid]/paper/[judge=uuid]',
			'GET /rounds/[round=uuid]/entered/template',
			'POST /rounds/[round=uuid]/matrix?/signOff',
			'POST /rounds/[round=uuid]/entered?/import',
			'POST /judges/rounds/[round=uuid]?/savePanel',
			'POST /draw/[round=uuid]?/open',
			'GET /draw/[round=uuid]/print/sign-in'
		]) {
			expect(listed).toContain(expected);
		}
	});

	it('is a 404 on every one of them, and nothing is written or audited', async () => {
		const auditBefore = await db()`select 1 from audit_log where organisation_id = (select organisation_id from round where id = ${world.there.roundId})`;
		const answers: string[] = [];
		for (const request of requests) answers.push(`${request.method} ${request.pattern} ${(await send(request, world.here.competitionId)).status}`);
		expect(answers).toEqual(requests.map((request) => `${request.method} ${request.pattern} 404`));
		const auditAfter = await db()`select 1 from audit_log where organisation_id = (select organisation_id from round where id = ${world.there.roundId})`;
		expect(auditAfter).toHaveLength(auditBefore.length);
	});

	it('is found under its own competition (the same requests are not 404s; the pages and downloads open)', async () => {
		for (const request of requests) {
			const response = await send(request, world.there.competitionId);
			const line = `${request.method} ${request.pattern}`;
			expect(`${line} ${response.status === 404 ? 404 : 'found'}`).toBe(`${line} found`);
			expect(`${line} ${response.status < 500}`).toBe(`${line} true`);
			if (request.method === 'GET' && !request.pattern.endsWith('sign-in')) expect(`${line} ${response.status}`).toBe(`${line} 200`);
		}
	});
});
