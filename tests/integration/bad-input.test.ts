import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession } from '../../src/lib/server/auth/session';
import { newOrg, newUser } from '../fixtures/factories';
import { listMembers } from '../../src/lib/server/organisations/service';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';

// Whatever arrives, a form or API call answers with a clear 4xx or a success, never a 500.
const JUNK: Record<string, string[]>[] = [
	{},
	{ email: [''], password: [''], name: [''], role: [''], userId: [''], tokenId: [''], locale: [''] },
	{ email: ['a@b.cn', 'c@d.cn'], role: ['owner', 'organiser'], userId: ['1', '2'] },
	{ email: ['x'.repeat(10_000)], displayName: ['名'.repeat(5_000)], password: ['p'.repeat(100_000)], name: ['\u0000\u202e'], slug: ['../../etc'] },
	{ userId: ["' or 1=1 --"], tokenId: ['00000000-0000-0000-0000-000000000000'], role: ['platform_admin'], locale: ['fr'], allowSignUp: ['maybe'] }
];

function formOf(fields: Record<string, string[]>): FormData {
	const form = new FormData();
	for (const [key, values] of Object.entries(fields)) for (const value of values) form.append(key, value);
	return form;
}

describe('bad input', () => {
	it('never makes a form action fail with a 500', async () => {
		const owner = await newOrg();
		const admin = await newUser({ isPlatformAdmin: true });
		const app = inject('appUrl');
		const sessionOf = async (userId: string) => `jiangxin_session=${(await createSession(db(), userId, new Date())).token}`;
		const ownerCookie = await sessionOf(owner.user.id);
		const adminCookie = await sessionOf(admin.id);
		const slug = owner.organisation.slug;
		const targets: [string, string | null][] = [
			['/login', null],
			['/setup', null],
			[`/signup/${slug}`, null],
			['/language', ownerCookie],
			['/account?/changePassword', ownerCookie],
			[`/orgs/${slug}/members?/addMember`, ownerCookie],
			[`/orgs/${slug}/members?/changeRole`, ownerCookie],
			[`/orgs/${slug}/members?/removeMember`, ownerCookie],
			[`/orgs/${slug}/settings?/save`, ownerCookie],
			[`/orgs/${slug}/api-tokens?/create`, ownerCookie],
			[`/orgs/${slug}/api-tokens?/revoke`, ownerCookie],
			['/admin/organisations?/create', adminCookie]
		];
		const statuses: string[] = [];
		for (const [path, cookie] of targets) {
			for (const fields of JUNK) {
				const response = await fetch(`${app}${path}`, {
					method: 'POST',
					body: formOf(fields),
					redirect: 'manual',
					headers: { origin: app, accept: 'application/json', 'x-sveltekit-action': 'true', ...(cookie ? { cookie } : {}) }
				});
				if (response.status >= 500) statuses.push(`${path} ${JSON.stringify(fields).slice(0, 80)} → ${response.status}`);
			}
		}
		expect(statuses).toEqual([]);
	}, 60_000);

	it('never makes the API fail with a 500', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'fuzz');
		const app = inject('appUrl');
		const bodies = ['', 'null', '[]', '{"email": {"$gt": ""}}', '"text"', '{"role": null, "email": 42}', '{'.repeat(5_000)];
		const failures: string[] = [];
		for (const [method, path] of [['POST', '/members'], ['PATCH', `/members/${owner.user.id}`], ['PATCH', '/members/not-an-id'], ['GET', '/audit-log?before=abc&from=2026-02-30']]) {
			for (const body of bodies) {
				const response = await fetch(`${app}/api/v1${path}`, {
					method,
					body: method === 'GET' ? undefined : body,
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
				});
				if (response.status >= 500) failures.push(`${method} ${path} ${body.slice(0, 30)} → ${response.status}`);
				expect(response.headers.get('content-type')).toContain('application/json');
			}
		}
		expect(failures).toEqual([]);
		// Nothing above changed anything.
		expect((await listMembers(owner)).map(({ userId, role }) => ({ userId, role }))).toEqual([{ userId: owner.user.id, role: 'owner' }]);
	}, 60_000);
});
