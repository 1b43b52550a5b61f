import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { readPostmasterPid } from '../../src/lib/server/db/postmaster';
import { freePort, startAppServer } from './app-server';

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	return condition();
}

/** Postmasters (not their backends, which rewrite their command line) whose working directory is `dataDir`. */
function postmastersOn(dataDir: string): number[] {
	const real = realpathSync(dataDir);
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((pid) => {
			try {
				return readlinkSync(`/proc/${pid}/cwd`) === real && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('-D');
			} catch {
				return false;
			}
		})
		.map(Number);
}

/** Direct children of `pid` (the embedded postmaster and its watchdog). */
function childrenOf(pid: number): number[] {
	return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

describe.runIf(existsSync('/proc/self/cwd'))('npm start after a hard kill', () => {
	it('recovers by itself, keeps the data and never runs two postmasters on one data directory', async () => {
		const dataDir = path.resolve(`data/kill-${process.pid}`);
		await rm(dataDir, { recursive: true, force: true });
		const pgPort = await freePort();
		const start = () => startAppServer('', { DATABASE_MIGRATION_URL: '', JIANGXIN_DATA_DIR: dataDir, JIANGXIN_PG_PORT: String(pgPort) });
		const owner = () => postgres(`postgres://jiangxin:jiangxin-local@127.0.0.1:${pgPort}/postgres`, { max: 1, onnotice: () => {} });
		try {
			const first = await start();
			let sql = owner();
			await sql`create table kept (name text)`;
			await sql`insert into kept values ('数控车工 · 王师傅')`;
			// The embedded start-up made the app's role: the app's connections are not the owner's.
			await fetch(`${first.url}/healthz`);
			expect(await sql`select distinct usename from pg_stat_activity where application_name = 'jiangxin'`).toEqual([{ usename: 'jiangxin_app' }]);
			await sql.end();

			// SIGKILL the app alone: its watchdog stops the database it leaves behind.
			const firstPostmaster = readPostmasterPid(dataDir)!;
			process.kill(first.pid, 'SIGKILL');
			expect(await waitUntil(() => !isAlive(firstPostmaster), 15_000)).toBe(true);

			const second = await start();
			expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
			// Now the watchdog dies too (as with `kill -9` on both): the postmaster is orphaned and keeps running.
			const orphan = readPostmasterPid(dataDir)!;
			for (const child of childrenOf(second.pid)) if (child !== orphan) process.kill(child, 'SIGKILL');
			process.kill(second.pid, 'SIGKILL');
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(isAlive(orphan)).toBe(true);

			const third = await start();
			expect((await fetch(`${third.url}/healthz`)).status).toBe(200);
			expect(third.output()).toContain(`stopped PostgreSQL (pid ${orphan}) left running on ${dataDir}`);
			expect(isAlive(orphan)).toBe(false);
			expect(postmastersOn(dataDir)).toEqual([readPostmasterPid(dataDir)]);
			sql = owner();
			expect(await sql`select name from kept`).toEqual([{ name: '数控车工 · 王师傅' }]);
			await sql.end();
			await third.stop();
			expect(postmastersOn(dataDir)).toEqual([]);
		} finally {
			for (const pid of existsSync(dataDir) ? postmastersOn(dataDir) : []) process.kill(pid, 'SIGINT');
			await rm(dataDir, { recursive: true, force: true });
		}
	}, 120_000);
});
