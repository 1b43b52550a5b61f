import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { startAppServer } from './app-server';

// The first-run page's choice "also create the example organisation", over HTTP on a server of its
// own: set-up only exists while the platform has no account, so this server gets a fresh database.

describe('the set-up page’s example organisation', () => {
	it('builds the example organisation with the new owner as its owner and lands there', { timeout: 240_000 }, async () => {
		const ownerUrl = inject('databaseUrl');
		const name = `setup_demo_${process.pid}`;
		const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${name}`);
		await admin.unsafe(`create database ${name}`);
		const database = new URL(ownerUrl);
		database.pathname = `/${name}`;
		const appDatabase = new URL(inject('appDatabaseUrl'));
		appDatabase.pathname = `/${name}`;
		const server = await startAppServer(appDatabase.href, { DATABASE_MIGRATION_URL: database.href, JIANGXIN_VOTE_REVIEW_INTERVAL_S: '0' });
		const sql = postgres(database.href, { max: 1, onnotice: () => {} });
		try {
			const page = await fetch(`${server.url}/setup`, { headers: { accept: 'text/html' } });
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain('同时创建示例主办单位');
			expect(html).toContain('name="withDemo"');
			const fields = { organisationName: '德清县总工会', organisationSlug: 'deqing', displayName: '周主任', email: 'zhou@deqing.example', password: 'correct horse battery', withDemo: 'on' };
			const response = await fetch(`${server.url}/setup`, {
				method: 'POST',
				body: new URLSearchParams(fields),
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
			});
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/orgs/demo');
			// Both organisations are the new owner's; the demo's competitions are at their stages.
			const memberships = await sql<{ slug: string; role: string }[]>`
				select o.slug, m.role from membership m join organisation o on o.id = m.organisation_id join app_user u on u.id = m.user_id
				where u.email = ${fields.email} order by o.slug`;
			expect(memberships).toEqual([
				{ slug: 'demo', role: 'owner' },
				{ slug: 'deqing', role: 'owner' }
			]);
			const competitions = await sql<{ slug: string; status: string }[]>`
				select c.slug, c.status from competition c join organisation o on o.id = c.organisation_id where o.slug = 'demo' order by c.slug`;
			expect(competitions).toEqual([
				{ slug: 'demo-contest-2026', status: 'final' },
				{ slug: 'demo-craftsman-2026', status: 'notice' }
			]);
			// Signed in (the set-up's session), the owner opens the example organisation; the public sees its notice.
			const cookie = response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
			const landing = await fetch(`${server.url}/orgs/demo`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
			expect(landing.status).toBe(200);
			expect(await landing.text()).not.toContain('示例主办单位没有建成');
			// Had the example failed, the set-up would have sent the owner to their own organisation, which says so.
			const failed = await fetch(`${server.url}/orgs/deqing?demo=failed`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
			expect(await failed.text()).toContain('示例主办单位没有建成（原因见服务器日志）');
			const notice = await fetch(`${server.url}/c/demo-craftsman-2026/results`, { headers: { accept: 'text/html' } });
			expect(notice.status).toBe(200);
			expect(await notice.text()).toContain('工匠特别奖');
		} finally {
			await sql.end();
			await server.stop();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});
});
