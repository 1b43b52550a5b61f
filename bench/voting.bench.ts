/**
 * Public voting in a burst (issue 16): 200 concurrent keep-alive connections for 30 s against a bare
 * node:http server whose one route is castVote with every rule on — the ALTCHA proof verified, the
 * challenge spent in the replay table, the window and daily limits under their advisory lock, the row
 * inserted (batched per 5 ms tick). Beside it, in the same run and the same way, the plain baseline: a
 * bare node:http server doing one INSERT per request; the two take turns in three segments each. Each server runs in a child process (this file
 * with --vote-server / --plain-server) so the load generator does not share its event loop. Proofs are
 * solved before the run at a low cost (the solving is the phone's work, not the server's). Also the
 * voting page's gzipped JavaScript from the production build, when there is one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Figure } from './run';

const SELF = fileURLToPath(import.meta.url);
const CONNECTIONS = 200;
/**
 * A burst is many phones, each casting its day's allowance: every connection is a stream of phones,
 * each casting VOTES_PER_PHONE votes for as many different candidates (so every vote is counted, at
 * the limit's edge on the last). One phone casting thousands of votes would measure only how fast a
 * voter's own rows are counted — not what a shared link brings.
 */
const VOTES_PER_PHONE = 5;
const DURATION_MS = Number(process.env.VOTE_BENCH_SECONDS || 30) * 1000;
const PORT = Number(process.env.VOTE_BENCH_PG_PORT || 54341);
process.env.JIANGXIN_SECRET_KEY ||= 'b'.repeat(64);

interface Setup {
	databaseUrl: string;
	dataDir: string;
	slug: string;
	roundId: string;
	entryIds: string[];
}

async function setUp(): Promise<{ setup: Setup; stop: () => Promise<void> }> {
	const { startEmbeddedPostgres } = await import('../src/lib/server/db/embedded');
	const { runMigrations } = await import('../src/lib/server/db/migrate');
	const { connectDb, closeDb } = await import('../src/lib/server/db/client');
	const dataDir = path.resolve('data/bench-vote-postgres');
	rmSync(dataDir, { recursive: true, force: true });
	const database = await startEmbeddedPostgres({ dataDir, port: PORT });
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	await runMigrations(sql);
	await sql`create table if not exists bench_plain_vote (id bigserial primary key, entry_id uuid not null, voter text not null, cast_at timestamptz not null default now())`;
	await sql.end();
	connectDb(database.url, { max: 4 });
	const { newOrg } = await import('../tests/fixtures/factories');
	const { seedVoteRound } = await import('../tests/fixtures/voting');
	const owner = await newOrg();
	// The window is open now; the demo award's limits (5 a day, 1 per candidate), checked on every vote.
	const round = await seedVoteRound(owner, {
		count: 87,
		policy: { opensAt: new Date(Date.now() - 3600_000), closesAt: new Date(Date.now() + 86_400_000), votesPerVoterPerDay: VOTES_PER_PHONE, votesPerCandidatePerVoterPerDay: 1, baseCost: 1000 }
	});
	await closeDb();
	return { setup: { databaseUrl: database.url, dataDir, slug: round.slug, roundId: round.roundId, entryIds: round.entries.map((entry) => entry.id) }, stop: () => database.stop() };
}

function startServer(mode: '--vote-server' | '--plain-server', setup: Setup): Promise<{ port: number; child: ChildProcess }> {
	return new Promise((resolve, reject) => {
		// VOTE_BENCH_PROFILE=<dir> writes each server's CPU profile there (open it in Chrome's DevTools).
		const profile = process.env.VOTE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.VOTE_BENCH_PROFILE}`] : [];
		const child = spawn(process.execPath, [...profile, ...process.execArgv, SELF, mode, JSON.stringify(setup)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk;
			const ready = /ready (\d+)/.exec(output);
			if (ready) resolve({ port: Number(ready[1]), child });
		});
		child.once('exit', (code) => reject(new Error(`${mode} exited (${code}): ${output}`)));
	});
}

interface Run {
	requests: number;
	seconds: number;
	latencies: number[];
	statuses: Record<number, number>;
	/** CPU seconds spent during the run's segments, per party (Linux only). */
	cpu: CpuSeconds | null;
}

const newRun = (): Run => ({ requests: 0, seconds: 0, latencies: [], statuses: {}, cpu: existsSync('/proc/self/stat') ? { load: 0, server: 0, database: 0 } : null });

/**
 * Where a request's CPU goes: this process (the load generator), the server, and PostgreSQL (the
 * postmaster's children: the servers' backends and its own writers). On two cores all three share,
 * requests per second follow the sum, so the figures say what a vote costs beside a plain insert.
 */
interface CpuSeconds {
	load: number;
	server: number;
	database: number;
}

/** The fields of /proc/<pid>/stat after the command name (state first, then parent pid, …), or null once the process is gone. */
function statFields(pid: number | string): string[] | null {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	} catch {
		return null;
	}
}

/** utime + stime in seconds (/proc counts in USER_HZ, 100 on Linux); 0 for a process that is gone. */
const cpuSeconds = (fields: string[] | null) => (fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0);

/** Every child of the cluster's postmaster (its pid is the first line of postmaster.pid). */
function databaseSeconds(dataDir: string): number {
	const postmaster = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!;
	let seconds = 0;
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		const fields = statFields(pid);
		if (fields?.[1] === postmaster) seconds += cpuSeconds(fields);
	}
	return seconds;
}

/** This process's CPU seconds so far, every thread (its GC included). */
function ownSeconds(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1e6;
}

/** Runs one segment and adds each party's CPU during it to the run. */
async function measured(run: Run, server: ChildProcess, dataDir: string, segment: () => Promise<void>): Promise<void> {
	if (!run.cpu) return segment();
	const before = { load: ownSeconds(), server: cpuSeconds(statFields(server.pid!)), database: databaseSeconds(dataDir) };
	await segment();
	run.cpu.load += ownSeconds() - before.load;
	run.cpu.server += cpuSeconds(statFields(server.pid!)) - before.server;
	run.cpu.database += databaseSeconds(dataDir) - before.database;
}

function cpuFigures({ cpu: voteCpu, requests: votes }: Run, { cpu: plainCpu, requests: inserts }: Run): Figure[] {
	if (!voteCpu || !plainCpu) return [];
	return (['server', 'database', 'load'] as const).map((party) => ({
		bench: `vote_${party}_cpu_us`,
		value: (voteCpu[party] / votes) * 1e6,
		unit: 'µs/request',
		baseline: (plainCpu[party] / inserts) * 1e6
	}));
}

/** 200 connections, each sending its next request when the last answered, for `milliseconds`; added to `run`. */
async function load(port: number, milliseconds: number, body: (connection: number) => string, run: Run): Promise<void> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
	const started = performance.now();
	const deadline = started + milliseconds;
	const post = (payload: string) =>
		new Promise<number>((resolve, reject) => {
			const request = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			});
			request.on('error', reject);
			request.end(payload);
		});
	await Promise.all(
		Array.from({ length: CONNECTIONS }, async (_, connection) => {
			while (performance.now() < deadline) {
				const payload = body(connection);
				if (!payload) return;
				const start = performance.now();
				const status = await post(payload);
				run.latencies.push(performance.now() - start);
				run.statuses[status] = (run.statuses[status] ?? 0) + 1;
				run.requests++;
			}
		})
	);
	run.seconds += (performance.now() - started) / 1000;
	agent.destroy();
}

const perSecond = (run: Run) => run.requests / run.seconds;
const p99 = (run: Run) => [...run.latencies].sort((a, b) => a - b)[Math.floor(run.latencies.length * 0.99)] ?? 0;

/**
 * The two servers take turns, SEGMENTS times each, so that a change in the machine's own speed during
 * the run (seen here: ±30 % between runs minutes apart) falls on both alike.
 */
const SEGMENTS = 3;

export async function runVotingBench(): Promise<Figure[]> {
	const figures: Figure[] = [];
	const { votePageScriptsFromBuild } = await import('../tests/fixtures/page-weight');
	const scripts = votePageScriptsFromBuild();
	if (scripts.length === 3) figures.push({ bench: 'vote_page_js_gzip_kb', value: scripts.reduce((sum, script) => sum + script.gzipKb, 0), unit: 'KB', baseline: 60 });
	const { setup, stop } = await setUp();
	try {
		const { solvedProof } = await import('../tests/fixtures/voting');
		const proofs: string[] = [];
		const [plain, vote] = [await startServer('--plain-server', setup), await startServer('--vote-server', setup)];
		const plainRun = newRun();
		const voteRun = newRun();
		let plainSequence = 0;
		let proofsUsed = 0;
		// Solved between turns, never while one is measured: enough for half again the fastest rate yet seen.
		const topUpProofs = async (seconds: number) => {
			const fastest = Math.max(...[plainRun, voteRun].filter((run) => run.seconds > 0).map(perSecond), 1_000);
			while (proofs.length - proofsUsed < Math.ceil(fastest * seconds * 1.5)) proofs.push(await solvedProof(setup.roundId));
		};
		const votesSent = new Array<number>(CONNECTIONS).fill(0);
		// Each phone's device token is issued when it opens the voting page (ensureVoterToken), before its
		// first vote; each vote then carries it, and the server checks its signature, as the route does.
		const { newVoterToken } = await import('../src/lib/server/voting/voter-identity');
		const phoneTokens = new Map<string, string>();
		const tokenOf = (phone: string) => phoneTokens.get(phone) ?? phoneTokens.set(phone, newVoterToken()).get(phone)!;
		const plainBody = (connection: number) => JSON.stringify({ entryId: setup.entryIds[plainSequence++ % setup.entryIds.length], voter: `c${connection}` });
		const voteBody = (connection: number) => {
			if (proofsUsed >= proofs.length) return '';
			const sent = votesSent[connection]!++;
			return JSON.stringify({ entryId: setup.entryIds[(connection + sent) % setup.entryIds.length], altcha: proofs[proofsUsed++], device: tokenOf(`${connection}.${Math.floor(sent / VOTES_PER_PHONE)}`), connection });
		};
		try {
			for (let segment = 0; segment < SEGMENTS; segment++) {
				await measured(plainRun, plain.child, setup.dataDir, () => load(plain.port, DURATION_MS / SEGMENTS, plainBody, plainRun));
				await topUpProofs(DURATION_MS / SEGMENTS / 1000);
				await measured(voteRun, vote.child, setup.dataDir, () => load(vote.port, DURATION_MS / SEGMENTS, voteBody, voteRun));
			}
		} finally {
			// Also when the run fails: a server left behind would hold the caller's output open.
			plain.child.kill('SIGTERM');
			vote.child.kill('SIGTERM');
		}
		if ((voteRun.statuses[200] ?? 0) !== voteRun.requests) throw new Error(`votes refused: ${JSON.stringify(voteRun.statuses)}`);
		if (proofsUsed >= proofs.length) throw new Error(`the run used all ${proofs.length} proofs solved for it`);
		const sql = postgres(setup.databaseUrl, { max: 1, onnotice: () => {} });
		const [rows] = await sql<{ votes: number }[]>`select count(*)::int as votes from vote where round_id = ${setup.roundId}`;
		await sql.end();
		const counted = voteRun.statuses[200] ?? 0;
		if (rows!.votes !== counted) throw new Error(`rows lost or invented: ${rows!.votes} rows for ${counted} counted answers`);
		// Every vote of the run is within its phone's limits: a refusal would be a wrong answer, not load.
		if (counted !== voteRun.requests) throw new Error(`votes refused: ${JSON.stringify(voteRun.statuses)}`);
		figures.push(
			{ bench: 'plain_insert_per_s', value: perSecond(plainRun), unit: 'req/s' },
			{ bench: 'votes_per_s', value: perSecond(voteRun), unit: 'votes/s', baseline: perSecond(plainRun) },
			{ bench: 'vote_p99_ms', value: p99(voteRun), unit: 'ms', baseline: p99(plainRun) },
			...cpuFigures(voteRun, plainRun)
		);
		return figures;
	} finally {
		await stop();
	}
}

async function readBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function listen(handler: (body: Record<string, unknown>) => Promise<number>) {
	const server = http.createServer((request, response) => {
		readBody(request)
			.then(handler)
			.then(
				// With its length, as SvelteKit's json() answers: one write, not a chunked body.
				(status) => response.writeHead(status, { 'content-type': 'application/json', 'content-length': 2 }).end('{}'),
				(error: unknown) => response.writeHead(500).end(String(error))
			);
	});
	server.keepAliveTimeout = 60_000;
	// Exit normally on SIGTERM, so that a --cpu-prof profile is written.
	process.once('SIGTERM', () => process.exit(0));
	server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as { port: number }).port}`));
}

if (process.argv[2] === '--plain-server') {
	const setup = JSON.parse(process.argv[3]!) as Setup;
	const sql = postgres(setup.databaseUrl, { max: 10, onnotice: () => {} });
	listen(async (body) => {
		await sql`insert into bench_plain_vote (entry_id, voter) values (${String(body.entryId)}, ${String(body.voter)}) on conflict do nothing`;
		return 200;
	});
}

if (process.argv[2] === '--vote-server') {
	const setup = JSON.parse(process.argv[3]!) as Setup;
	const { connectDb } = await import('../src/lib/server/db/client');
	const { castVote } = await import('../src/lib/server/voting/cast-vote');
	const { DomainError } = await import('../src/lib/server/domain-error');
	const { readVoterToken } = await import('../src/lib/server/voting/voter-identity');
	connectDb(setup.databaseUrl, { max: 10 });
	listen(async (body) => {
		const connection = Number(body.connection);
		try {
			const deviceTokenId = readVoterToken(String(body.device));
			if (!deviceTokenId) return 400;
			const voter = { deviceTokenId, verifiedVoterKey: null, address: `10.1.${connection}.7`, userAgent: 'bench' };
			await castVote(setup.slug, setup.roundId, { entryId: String(body.entryId), altcha: String(body.altcha) }, voter, new Date());
			return 200;
		} catch (error) {
			if (error instanceof DomainError) return error.code === 'vote_daily_limit' || error.code === 'vote_candidate_limit' ? 429 : 409;
			throw error;
		}
	});
}
