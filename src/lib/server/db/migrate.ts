import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from './client';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_ID = 7_115_087_021;

export class MigrationError extends Error {
	constructor(
		readonly file: string,
		cause: unknown
	) {
		super(`Migration ${file} failed and was rolled back; start-up stopped. Fix the SQL or the database, then start again. Cause: ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = 'MigrationError';
	}
}

export async function listMigrationFiles(dir: string): Promise<string[]> {
	const names = await readdir(dir);
	return names.filter((name) => MIGRATION_FILE.test(name)).sort();
}

/**
 * Applies the numbered SQL files in `dir` that are not yet recorded, in order, each in its own
 * transaction, under an advisory lock so that several processes starting at once migrate once.
 * A failing file is rolled back alone; the ones before it stay applied. Returns the names applied.
 */
export async function runMigrations(sql: Sql, dir = path.resolve('db/migrations')): Promise<string[]> {
	const files = await listMigrationFiles(dir);
	const applied: string[] = [];
	// A session-level lock needs one connection for the whole run, not whichever the pool hands out.
	const connection = await sql.reserve();
	try {
		await connection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
		await connection`create table if not exists schema_migration (
			name text primary key,
			applied_at timestamptz not null default now()
		)`;
		const rows = await connection<{ name: string }[]>`select name from schema_migration`;
		const done = new Set(rows.map((row) => row.name));
		for (const file of files) {
			if (done.has(file)) continue;
			const text = await readFile(path.join(dir, file), 'utf8');
			try {
				await connection.unsafe('begin');
				await connection.unsafe(text);
				await connection`insert into schema_migration (name) values (${file})`;
				await connection.unsafe('commit');
			} catch (error) {
				await connection.unsafe('rollback').catch(() => {});
				throw new MigrationError(file, error);
			}
			applied.push(file);
		}
	} finally {
		await connection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
		connection.release();
	}
	return applied;
}
