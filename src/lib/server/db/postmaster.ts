import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';

// Recovery from a start that did not stop its database (node SIGKILLed: the postmaster, a separate
// process, keeps running and keeps postmaster.pid). Linux-only checks through /proc; elsewhere we
// leave the pid file to PostgreSQL, which refuses to start beside a live postmaster.

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/** The pid recorded in `dataDir/postmaster.pid`, if any. */
export function readPostmasterPid(dataDir: string): number | undefined {
	const file = path.join(dataDir, 'postmaster.pid');
	if (!existsSync(file)) return undefined;
	const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
	return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when `pid` is a postgres process serving `dataDir` (a postmaster's working directory is its data directory). */
export function servesDataDir(pid: number, dataDir: string): boolean | undefined {
	if (!existsSync('/proc/self/cwd')) return undefined;
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres' && readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
	} catch {
		return false;
	}
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return !isAlive(pid);
}

/**
 * Before starting: stops a postmaster left running on `dataDir` (fast shutdown, then immediate) and
 * removes a pid file whose process is some other program. Returns what it did, for the log.
 */
export async function clearLeftoverPostmaster(dataDir: string): Promise<string | undefined> {
	const pid = readPostmasterPid(dataDir);
	if (pid === undefined || !isAlive(pid)) return undefined; // none, or stale: PostgreSQL handles a dead pid itself
	const serves = servesDataDir(pid, dataDir);
	if (serves === undefined) return undefined;
	if (!serves) {
		// The pid was reused by an unrelated process: PostgreSQL would refuse to start because of it.
		rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
		return `removed a stale postmaster.pid (pid ${pid} is another program now)`;
	}
	process.kill(pid, 'SIGINT');
	if (!(await waitForExit(pid, 20_000))) {
		process.kill(pid, 'SIGQUIT');
		if (!(await waitForExit(pid, 10_000))) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it by hand and start again.`);
	}
	return `stopped PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier start that did not stop it`;
}

// Runs as `node -e`: holds the read end of a pipe from the app. The pipe closes when the app exits
// in any way, SIGKILL included; then, if a postmaster still serves the data directory, it gets a
// fast shutdown. Detached, so a Ctrl-C meant for the app's terminal does not end it first.
const WATCHDOG = `
const fs = require('node:fs');
const dataDir = process.argv[1];
process.stdin.resume();
process.stdin.on('close', () => {
	try {
		const pid = Number(fs.readFileSync(dataDir + '/postmaster.pid', 'utf8').split('\\n')[0]);
		if (fs.readFileSync('/proc/' + pid + '/comm', 'utf8').trim() === 'postgres'
			&& fs.readlinkSync('/proc/' + pid + '/cwd') === fs.realpathSync(dataDir)) process.kill(pid, 'SIGINT');
	} catch {}
	process.exit(0);
});
`;

/** Starts the watchdog for `dataDir` (Linux only) and returns it, so a clean stop can end it. */
export function watchForParentExit(dataDir: string): ChildProcess | undefined {
	if (!existsSync('/proc/self/cwd')) return undefined;
	const child = spawn(process.execPath, ['-e', WATCHDOG, realpathSync(dataDir)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
	child.unref();
	(child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	return child;
}
