import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { newOrg } from '../fixtures/factories';
import { newCompetition } from '../fixtures/competitions';
import { sessionCookie } from './http-helpers';
import { competitionRouteRequests, type RouteRequest } from './competition-routes';

// Every page, form action and download under …/competitions/[competition]/… (the round-level ones are
// round-paths.test.ts's) answers 404 when the competition is another organisation's, found in the
// route files themselves so a new route is in the table the day it is added. The same requests with
// the organisation's own competition are not 404s (where the path names nothing else), so the table can fail.

/** The competition's routes without a [round] (round-paths.test.ts has those). */
const competitionRequests = () => competitionRouteRequests().filter((request) => !request.pattern.includes('[round=uuid]'));

// Paths that name something more than the competition — in the path, or (a bulk download's progress)
// by an id in the query — answer 404 for an unknown one under the own competition too.
const NAMED_BY_QUERY = new Set(['/certificates/progress']);
const namesMore = (request: RouteRequest) => /\[(?!competition)/.test(request.pattern) || NAMED_BY_QUERY.has(request.pattern);

let world: { slug: string; cookie: string; own: string; foreign: string; foreignOrganisationId: string };

beforeAll(async () => {
	const owner = await newOrg();
	const other = await newOrg();
	world = {
		slug: owner.organisation.slug,
		cookie: await sessionCookie(owner.user.id),
		own: (await newCompetition(owner)).id,
		foreign: (await newCompetition(other)).id,
		foreignOrganisationId: other.organisation.id
	};
}, 60_000);

function send(request: RouteRequest, competitionId: string): Promise<Response> {
	const app = inject('appUrl');
	const filled = request.pattern.replace(/\[\w+=uuid\]/g, () => randomUUID());
	return fetch(`${app}/orgs/${world.slug}/competitions/${competitionId}${filled}`, {
		method: request.method,
		redirect: 'manual',
		// A browser without JavaScript: an empty form, so nothing but the path can make the difference.
		...(request.method === 'POST' ? { body: new URLSearchParams() } : {}),
		headers: { origin: app, accept: 'text/html', cookie: world.cookie, ...(request.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }
	});
}

describe('another organisation’s competition under this organisation’s path', () => {
	const requests = competitionRequests();

	it('finds the pages, actions and downloads to walk', () => {
		const listed = requests.map((request) => `${request.method} ${request.pattern}`);
		for (const expected of ['GET ', 'POST ?/advance', 'GET /certificates', 'GET /certificates/bundle', 'GET /objections/[objection=uuid]/attachment', 'GET /appeals', 'GET /entries/import/template']) {
			expect(listed).toContain(expected);
		}
	});

	it('is a 404 on every one of them, and nothing is written or audited', async () => {
		const auditBefore = await db()`select 1 from audit_log where organisation_id = ${world.foreignOrganisationId}`;
		const answers: string[] = [];
		for (const request of requests) answers.push(`${request.method} ${request.pattern} ${(await send(request, world.foreign)).status}`);
		expect(answers).toEqual(requests.map((request) => `${request.method} ${request.pattern} 404`));
		const auditAfter = await db()`select 1 from audit_log where organisation_id = ${world.foreignOrganisationId}`;
		expect(auditAfter).toHaveLength(auditBefore.length);
	});

	it('is found under the organisation’s own competition (the same requests are not 404s, never 500s; the pages open)', async () => {
		for (const request of requests.filter((candidate) => !namesMore(candidate))) {
			const response = await send(request, world.own);
			const line = `${request.method} ${request.pattern}`;
			expect(`${line} ${response.status === 404 ? 404 : 'found'}`).toBe(`${line} found`);
			expect(`${line} ${response.status < 500}`).toBe(`${line} true`);
			if (request.isPage) expect(`${line} ${response.status}`).toBe(`${line} 200`);
		}
	});
});
