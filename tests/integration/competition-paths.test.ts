import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { newOrg } from '../fixtures/factories';
import { newCompetition } from '../fixtures/competitions';
import { sessionCookie } from './http-helpers';

// Every page, form action and download under …/competitions/[competition]/… (the round-level ones are
// round-paths.test.ts's) answers 404 when the competition is another organisation's, found in the
// route files themselves so a new route is in the table the day it is added. The same requests with
// the organisation's own competition are not 404s (where the path names nothing else), so the table can fail.

const ORG_ROUTES = path.resolve('src/routes/(app)/orgs/[org=slug]/competitions/[competition=uuid]');

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeFiles(full);
		return ['+page.server.ts', '+server.ts'].includes(entry.name) ? [full] : [];
	});
}

interface Request {
	method: 'GET' | 'POST';
	/** The path below /orgs/<org>/competitions/<competition>; other [params] are filled with unknown ids. */
	pattern: string;
	isPage: boolean;
}

function competitionRequests(): Request[] {
	const requests: Request[] = [];
	for (const file of routeFiles(ORG_ROUTES)) {
		const relative = path.relative(ORG_ROUTES, path.dirname(file)).split(path.sep).join('/');
		const pattern = relative === '' ? '' : `/${relative}`;
		if (pattern.includes('[round=uuid]')) continue;
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			requests.push({ method: 'GET', pattern, isPage: true });
			const block = /export const actions = \{([\s\S]*?)\n\} satisfies Actions/.exec(source)?.[1] ?? '';
			for (const [, name] of block.matchAll(/^\t(\w+): async/gm)) requests.push({ method: 'POST', pattern: `${pattern}?/${name}`, isPage: false });
		} else {
			for (const [, method] of source.matchAll(/export const (GET|POST)\b/g)) requests.push({ method: method as 'GET' | 'POST', pattern, isPage: false });
		}
	}
	return requests;
}

// Paths that name something more than the competition — in the path, or (a bulk download's progress)
// by an id in the query — answer 404 for an unknown one under the own competition too.
const NAMED_BY_QUERY = new Set(['/certificates/progress']);
const namesMore = (request: Request) => /\[(?!competition)/.test(request.pattern) || NAMED_BY_QUERY.has(request.pattern);

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

function send(request: Request, competitionId: string): Promise<Response> {
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
