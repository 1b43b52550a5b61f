import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listMigrationFiles, MigrationError, runMigrations } from '../../src/lib/server/db/migrate';
import { db } from '../../src/lib/server/db/client';

// Each case gets a database of its own in the test cluster, so it starts truly empty.
function connectTo(name: string) {
	const url = new URL(inject('databaseUrl'));
	url.pathname = `/${name}`;
	return postgres(url.href, { max: 2, onnotice: () => {} });
}

async function freshDatabase(name: string) {
	await db().unsafe(`drop database if exists ${name}`);
	await db().unsafe(`create database ${name}`);
	return connectTo(name);
}

describe('migrations', () => {
	let sql: postgres.Sql;
	beforeAll(async () => {
		sql = await freshDatabase('migrate_twice');
	});
	afterAll(() => sql.end());

	it('apply every file in order the first time and nothing the second time', async () => {
		const files = await listMigrationFiles(path.resolve('db/migrations'));
		expect(await runMigrations(sql)).toEqual(files);
		expect(await runMigrations(sql)).toEqual([]);
		const recorded = await sql<{ name: string }[]>`select name from schema_migration order by name`;
		expect(recorded.map((row) => row.name)).toEqual(files);
		const tables = await sql`select count(*)::int as count from information_schema.tables where table_name in ('app_user', 'organisation', 'audit_log')`;
		expect(tables).toEqual([{ count: 3 }]);
	});

	it('run once when several processes start together', async () => {
		const racing = await freshDatabase('migrate_race');
		const other = connectTo('migrate_race');
		try {
			const [first, second] = await Promise.all([runMigrations(racing), runMigrations(other)]);
			expect([...first, ...second].sort()).toEqual(await listMigrationFiles(path.resolve('db/migrations')));
		} finally {
			await Promise.all([racing.end(), other.end()]);
		}
	});

	it('stop at a failing file with its name, keeping the ones before it and recording nothing of it', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'jiangxin-migrations-'));
		await writeFile(path.join(dir, '0001_create_thing.sql'), 'create table thing (id int primary key);');
		await writeFile(path.join(dir, '0002_break_things.sql'), 'create table other (id int); select no_such_function();');
		const broken = await freshDatabase('migrate_broken');
		try {
			const failure = await runMigrations(broken, dir).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(MigrationError);
			expect((failure as Error).message).toContain('0002_break_things.sql');
			const recorded = await broken<{ name: string }[]>`select name from schema_migration`;
			expect(recorded.map((row) => row.name)).toEqual(['0001_create_thing.sql']);
			expect(await broken`select to_regclass('other') is not null as exists`).toEqual([{ exists: false }]);
		} finally {
			await broken.end();
		}
	});
});
