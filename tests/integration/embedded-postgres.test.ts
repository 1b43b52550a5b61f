import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { findUntraversableDirectory, startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { freePort } from './app-server';

describe('embedded PostgreSQL', () => {
	it('keeps its data across a restart, in UTF-8', async () => {
		const dataDir = path.resolve(`data/restart-${process.pid}`);
		await rm(dataDir, { recursive: true, force: true });
		const port = await freePort();
		try {
			const first = await startEmbeddedPostgres({ dataDir, port });
			const sql = postgres(first.url, { max: 1, onnotice: () => {} });
			expect(await sql`select current_setting('server_encoding') as encoding`).toEqual([{ encoding: 'UTF8' }]);
			await sql`create table kept (name text)`;
			await sql`insert into kept values ('数控车工 · 王师傅')`;
			await sql.end();
			await first.stop();

			const second = await startEmbeddedPostgres({ dataDir, port });
			const again = postgres(second.url, { max: 1, onnotice: () => {} });
			expect(await again`select name from kept`).toEqual([{ name: '数控车工 · 王师傅' }]);
			await again.end();
			await second.stop();
		} finally {
			await rm(dataDir, { recursive: true, force: true });
		}
	}, 60_000);

	it.runIf(process.getuid?.() === 0)('names the directory the postgres user cannot enter', async () => {
		const parent = await mkdtemp(path.join(tmpdir(), 'jiangxin-closed-'));
		await mkdir(path.join(parent, 'inner'));
		await chmod(parent, 0o700);
		try {
			expect(findUntraversableDirectory([path.join(parent, 'inner', 'postgres')])).toBe(parent);
			await chmod(parent, 0o711);
			expect(findUntraversableDirectory([path.join(parent, 'inner', 'postgres')])).toBeUndefined();
		} finally {
			await rm(parent, { recursive: true, force: true });
		}
	});
});
