// Builds the app when the build is missing or older than its sources, with progress on the way.
// `npm install` runs it as the `prepare` step, so that `npm start` on a fresh clone only starts;
// server.js calls it too, for a checkout whose sources changed since.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = ['src', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts', 'project.inlang'];
// Paraglide regenerates this directory on every compile (`npm run check`, `npm test`); it follows the
// sources and must not make the build look stale, nor may the directory holding it.
const GENERATED = path.join('src', 'lib', 'paraglide');
const BUILT = path.join('build', 'handler.js');
const VITE = path.join('node_modules', 'vite', 'bin', 'vite.js');
// Vite's per-step lines worth showing; the list of output files is not.
const PROGRESS = /vite v|building|modules transformed|built in|adapter|done|error|warn/i;
const FILE_LIST = /│|^\.svelte-kit\/output\//;

/** @param {string} entry @returns {number} */
function newestChange(entry) {
	if (!existsSync(entry) || entry === GENERATED) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	const own = entry === path.dirname(GENERATED) ? 0 : stat.mtimeMs;
	return Math.max(own, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function isBuildCurrent() {
	return existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...SOURCES.map(newestChange));
}

/**
 * Runs `vite build`, printing its steps and a heartbeat; resolves to true when it succeeded.
 * @param {string} reason
 * @returns {Promise<boolean>}
 */
export function build(reason) {
	const started = Date.now();
	const seconds = () => Math.round((Date.now() - started) / 1000);
	console.info(`[jiangxin] building the app (${reason}); this takes 10–30 s…`);
	// Always a production build: a NODE_ENV inherited from the caller (vitest sets `test`) would make
	// Vite build in development mode, where `dev` is true and start-up only warns about a privileged role.
	const child = spawn(process.execPath, [VITE, 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
	const heartbeat = setInterval(() => console.info(`[jiangxin] still building… ${seconds()} s`), 5_000);
	let errors = '';
	const forward = (/** @type {Buffer} */ chunk) => {
		for (const line of chunk.toString().split('\n')) {
			const text = line.trim();
			if (text && PROGRESS.test(text) && !FILE_LIST.test(text)) console.info(`[jiangxin]   ${text}`);
		}
	};
	child.stdout.on('data', forward);
	child.stderr.on('data', (/** @type {Buffer} */ chunk) => (errors += chunk));
	return new Promise((resolve) => {
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) console.info(`[jiangxin] built in ${seconds()} s.`);
			else console.error(`${errors.trim()}\n[jiangxin] the build failed (see above).`);
			resolve(code === 0);
		});
	});
}

/**
 * Builds if needed; false when a needed build failed.
 * @param {string} reason
 */
export async function ensureBuilt(reason) {
	return isBuildCurrent() || build(reason);
}

// As `npm install`'s prepare step. Never fails the install: a failed or impossible build is reported
// and `npm start` tries again (and shows the error) — installing one package must not stop on it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (!existsSync(VITE)) {
		console.info('[jiangxin] skipping the build: Vite is not installed (dev dependencies omitted?); `npm start` builds when it can.');
	} else if (!(await ensureBuilt('npm install: so that `npm start` only starts'))) {
		console.warn('[jiangxin] the build failed; `npm start` will try again.');
	}
}
