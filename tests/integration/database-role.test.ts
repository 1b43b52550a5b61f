import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { inspectRuntimeRole } from '../../src/lib/server/db/roles';
import { startAppServer } from './app-server';

// The connection the app server really uses: the same role and password global-setup gave it as DATABASE_URL.
const app = postgres(inject('appDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => app.end());

async function insertAuditRow(note: string): Promise<string> {
	const [row] = await app<{ id: string }[]>`
		insert into audit_log (actor_label, action, subject_type, subject_id, after)
		values ('tamper test', 'score.changed', 'score', ${note}, ${app.json({ points: 1 })}) returning id`;
	return row!.id;
}

describe("the app's database role", () => {
	it('is the role the running server connects with, and is neither superuser nor owner of anything', async () => {
		await fetch(`${inject('appUrl')}/healthz`);
		const [row] = await app<{ role: string }[]>`select current_user as role`;
		const role = row!.role;
		const serverRoles = await db()<{ usename: string }[]>`
			select distinct usename from pg_stat_activity where application_name = 'jiangxin' and usename <> current_user`;
		expect(serverRoles.map((row) => row.usename)).toEqual([role]);
		expect(await inspectRuntimeRole(app)).toEqual({ role, problems: [] });
		const owned = await app`select relname from pg_class where relowner = (select oid from pg_roles where rolname = current_user)`;
		expect(owned).toEqual([]);
		await expect(app`create table squatter (id int)`).rejects.toThrow(/permission denied/);
	});

	it('can add to and read the audit log but cannot change, remove or truncate rows by any route', async () => {
		const id = await insertAuditRow(`row-${Date.now()}`);
		const attempts = [
			() => app`set session_replication_role = replica`,
			() => app`alter table audit_log disable trigger all`,
			() => app`alter table audit_log disable trigger audit_log_no_update`,
			() => app`drop trigger audit_log_no_update on audit_log`,
			() => app`drop trigger audit_log_no_truncate on audit_log`,
			() => app`update audit_log set after = '{"points": 100}' where id = ${id}`,
			() => app`delete from audit_log where id = ${id}`,
			() => app`truncate audit_log`,
			() => app`alter table audit_log owner to current_user`,
			() => app`drop table audit_log`
		];
		for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/permission denied|must be owner/);
		// Within one transaction too, where a replica session would have skipped the triggers.
		await expect(
			app.begin(async (tx) => {
				await tx`set local session_replication_role = replica`;
				await tx`delete from audit_log where id = ${id}`;
			})
		).rejects.toThrow(/permission denied/);
		const rows = await db()`select after, subject_id from audit_log where id = ${id}`;
		expect(rows).toEqual([{ after: { points: 1 }, subjectId: expect.stringMatching(/^row-/) }]);
		expect(await app`select id from audit_log where id = ${id}`).toHaveLength(1);
	});

	it('may read and write tables a later migration adds, but the audit log stays insert and select only', async () => {
		await db()`create table if not exists later_migration_table (id int primary key, note text)`;
		try {
			await app`insert into later_migration_table values (1, 'added by 0099')`;
			await app`update later_migration_table set note = 'changed' where id = 1`;
			expect(await app`select note from later_migration_table`).toEqual([{ note: 'changed' }]);
			await app`delete from later_migration_table`;
		} finally {
			await db()`drop table later_migration_table`;
		}
	});

	it('stops a production start-up that would run as a superuser, naming the fix and the override', async () => {
		const owner = inject('databaseUrl');
		const failure = await startAppServer(owner).catch((error: Error) => error);
		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toMatch(/" \(DATABASE_URL\) is a superuser.*DATABASE_MIGRATION_URL.*JIANGXIN_ALLOW_PRIVILEGED_DB_ROLE=1/s);
		const overridden = await startAppServer(owner, { JIANGXIN_ALLOW_PRIVILEGED_DB_ROLE: '1' });
		expect((await fetch(`${overridden.url}/healthz`)).status).toBe(200);
		await overridden.stop();
	}, 60_000);
});
