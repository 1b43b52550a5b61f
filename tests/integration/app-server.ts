import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback, so runs never collide with a developer's own server. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/**
 * Runs the production entry (server.js: build if stale, adapter-node handler + socket.io) on the test
 * database, as an operator would: `databaseUrl` is the app's own role, `env` may add DATABASE_MIGRATION_URL,
 * `nodeArguments` go to node before the script (a bench's `--cpu-prof`).
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}, nodeArguments: string[] = []): Promise<{ url: string; pid: number; output: () => string; stop: () => Promise<void> }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [...nodeArguments, 'server.js'], {
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, NODE_ENV: 'production', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The app server exited during start-up:\n${output}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	if (Date.now() >= deadline) {
		child.kill('SIGTERM');
		throw new Error(`The app server did not answer /healthz in time:\n${output}`);
	}
	return {
		url,
		pid: child.pid!,
		output: () => output,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
