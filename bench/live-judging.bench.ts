/**
 * Live judging under load (issue 15): 50 judges each submitting 5 sheets a second over socket.io for
 * 30 s, while 2,000 board viewers (socket.io clients in 4 child processes) follow the competition's
 * board room, against the built server (server.js) on an embedded PostgreSQL of its own. Beside it, in
 * the same run, bare socket.io broadcasting snapshots of the same size at the same rate to the same
 * number of viewers, with no app logic and no coalescing window, so our own cost is visible.
 *
 * - judge_submit_ack_p95_ms: sending sheet:apply → its ack (committed).
 * - judge_submit_to_board_p95_ms: sending → a viewer receiving the first snapshot built after the ack
 *   (every viewer counts), so it includes the coalescing window (goal < 250 ms).
 * - judging_server_rss_mb: the server process's peak resident memory (VmHWM).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { Server } from 'socket.io';
import type { Figure } from './run';

const JUDGES = 50;
const SUBMITS_PER_SECOND = 5;
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS || 30);
const VIEWERS = Number(process.env.BENCH_LIVE_VIEWERS || 2000);
const CHILDREN = 4;
const VIEWER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'live-viewers.mjs');
process.env.JIANGXIN_SECRET_KEY ||= 'a'.repeat(64);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], share: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** p95 of a histogram of whole milliseconds. */
function histogramPercentile(histogram: Map<number, number>, share: number): number {
	const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
	let seen = 0;
	for (const [value, count] of [...histogram.entries()].sort((a, b) => a[0] - b[0])) {
		seen += count;
		if (seen >= share * total) return value;
	}
	return Number.NaN;
}

/** `VIEWERS` board viewers in child processes; resolves once every one has joined the room. */
async function startViewers(url: string, room: string): Promise<{ children: ChildProcess[]; report: () => Promise<Map<number, number[]>>; stop: () => void }> {
	const children = Array.from({ length: CHILDREN }, () => fork(VIEWER_SCRIPT, [url, room, String(VIEWERS / CHILDREN)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
	await Promise.all(
		children.map(
			(child) =>
				new Promise<void>((resolve, reject) => {
					const timer = setTimeout(() => reject(new Error('viewers did not join in time')), 120_000);
					child.on('message', (message: { type: string; message?: string }) => {
						if (message.type === 'ready') {
							clearTimeout(timer);
							resolve();
						}
						if (message.type === 'error') reject(new Error(message.message));
					});
				})
		)
	);
	const report = async () => {
		const bySequence = new Map<number, number[]>();
		await Promise.all(
			children.map(
				(child) =>
					new Promise<void>((resolve) => {
						const listener = (message: { type: string; arrivals?: number[] }) => {
							if (message.type !== 'arrivals') return;
							child.off('message', listener);
							const pairs = message.arrivals!;
							for (let index = 0; index < pairs.length; index += 2) {
								const list = bySequence.get(pairs[index]!) ?? [];
								list.push(pairs[index + 1]!);
								bySequence.set(pairs[index]!, list);
							}
							resolve();
						};
						child.on('message', listener);
						child.send({ type: 'report' });
					})
			)
		);
		return bySequence;
	};
	return { children, report, stop: () => children.forEach((child) => child.send({ type: 'stop' })) };
}

async function startDatabase() {
	const { startEmbeddedPostgres } = await import('../src/lib/server/db/embedded');
	const { runMigrations } = await import('../src/lib/server/db/migrate');
	const { ensureRuntimeRole } = await import('../src/lib/server/db/roles');
	const { closeDb, connectDb } = await import('../src/lib/server/db/client');
	const dataDir = path.resolve('data/bench-live-postgres');
	rmSync(dataDir, { recursive: true, force: true });
	const database = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_LIVE_PG_PORT || 54338) });
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	await runMigrations(sql);
	const appUrl = await ensureRuntimeRole(sql, database.url, 'jiangxin_bench', 'jiangxin-bench');
	await sql.end();
	// Another bench may have connected this process's pool to its own database.
	await closeDb();
	connectDb(database.url, { max: 4 });
	return { database, appUrl };
}

export async function runLiveJudgingBench(): Promise<Figure[]> {
	const { database, appUrl } = await startDatabase();
	const { startAppServer } = await import('../tests/integration/app-server');
	const { newOrg } = await import('../tests/fixtures/factories');
	const { scoringWorld, connect, operation, FULL_SCORES } = await import('../tests/fixtures/sheets');
	const { closeDb } = await import('../src/lib/server/db/client');
	const cleanups: (() => unknown)[] = [];
	try {
		// One process with its rooms in memory, as a single `npm start` runs.
		// BENCH_LIVE_PROFILE=<dir> writes the server's CPU profile there when it stops.
		const profile = process.env.BENCH_LIVE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_LIVE_PROFILE)}`] : [];
		const server = await startAppServer(appUrl, { DATABASE_MIGRATION_URL: database.url, JIANGXIN_SOCKET_ADAPTER: 'memory' }, profile);
		cleanups.push(() => server.stop());
		const owner = await newOrg();
		const entries = SUBMITS_PER_SECOND * SECONDS;
		const { round, judges } = await scoringWorld(owner, { judges: JUDGES, entries });
		const tablets = await Promise.all(judges.map((judge) => connect(server.url, judge.cookie)));
		cleanups.push(() => tablets.forEach((tablet) => tablet.close()));
		const viewers = await startViewers(server.url, `live:${round.competitionId}`);
		cleanups.push(viewers.stop);

		// Each judge submits a new entry's sheet every 200 ms, the judges spread across the interval.
		const operations: { sent: number; acked: number; ok: boolean; refusal?: string }[] = [];
		await Promise.all(
			tablets.map(async (tablet, judgeIndex) => {
				await sleep((judgeIndex * 1000) / SUBMITS_PER_SECOND / JUDGES);
				const start = Date.now();
				for (let index = 0; index < entries; index++) {
					const due = start + (index * 1000) / SUBMITS_PER_SECOND;
					if (due > Date.now()) await sleep(due - Date.now());
					const sent = Date.now();
					const ack = await tablet.timeout(30_000).emitWithAck('sheet:apply', operation(round, index, { kind: 'submit', scores: FULL_SCORES }));
					operations.push({ sent, acked: Date.now(), ok: ack.ok, ...(ack.ok ? {} : { refusal: ack.error.code }) });
				}
			})
		);
		await sleep(1500);
		const arrivals = await viewers.report();
		const rss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;

		// A submission reaches the board with the first snapshot built after its ack (the database's clock, µs).
		const sequences = [...arrivals.keys()].sort((a, b) => a - b);
		const boardLatency = new Map<number, number>();
		const succeeded = operations.filter((op) => op.ok);
		for (const op of succeeded) {
			const sequence = sequences.find((candidate) => candidate / 1000 >= op.acked);
			if (sequence === undefined) continue;
			for (const arrival of arrivals.get(sequence)!) boardLatency.set(arrival - op.sent, (boardLatency.get(arrival - op.sent) ?? 0) + 1);
		}
		const snapshotsPerSecond = sequences.length / SECONDS;
		const snapshotBytes = await (async () => {
			const { buildBoardSnapshot } = await import('../src/lib/server/live/board-snapshot');
			return JSON.stringify(await buildBoardSnapshot(owner.organisation.id, round.competitionId));
		})();
		viewers.stop();
		cleanups.pop();

		const bare = await bareBroadcastP95(snapshotBytes, snapshotsPerSecond);
		const acks = succeeded.map((op) => op.acked - op.sent);
		console.info(`[bench] live judging: ack p50 ${percentile(acks, 0.5)} ms, p90 ${percentile(acks, 0.9)} ms, p99 ${percentile(acks, 0.99)} ms`);
		console.info(`[bench] live judging: ${succeeded.length}/${operations.length} submissions acknowledged, ${sequences.length} snapshots (${snapshotBytes.length} bytes) to ${VIEWERS} viewers`);
		// Every submission is a new sheet of a judge's own: a refusal is a fault under load, not a figure
		// (the unpatched database driver refused 1–3 per run here: patches/README.md).
		const refusals = operations.flatMap((op) => (op.refusal ? [op.refusal] : []));
		if (refusals.length > 0) throw new Error(`${refusals.length} submissions refused: ${[...new Set(refusals)].join(', ')}\n${server.output().slice(-4000)}`);
		return [
			{ bench: 'judge_submit_ack_p95_ms', value: percentile(acks, 0.95), unit: 'ms' },
			{ bench: 'judge_submit_to_board_p95_ms', value: histogramPercentile(boardLatency, 0.95), unit: 'ms', baseline: bare },
			{ bench: 'bare_socketio_broadcast_p95_ms', value: bare, unit: 'ms' },
			{ bench: 'judging_server_rss_mb', value: rss, unit: 'MB' }
		];
	} finally {
		for (const cleanup of cleanups.reverse()) await cleanup();
		await closeDb();
		await database.stop();
	}
}

/** Bare socket.io: the same viewers, snapshots of the same size at the same rate, straight to the room. */
async function bareBroadcastP95(snapshot: string, perSecond: number): Promise<number> {
	const http = createServer();
	const io = new Server(http, { serveClient: false });
	io.on('connection', (socket) => socket.on('room:join', async ({ room }: { room: string }, ack: (result: { ok: boolean }) => void) => {
		await socket.join(room);
		ack({ ok: true });
	}));
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
	const viewers = await startViewers(url, 'live:bare');
	const payload = JSON.parse(snapshot) as { sequence: number };
	const sent = new Map<number, number>();
	const count = Math.max(1, Math.round(perSecond * Math.min(SECONDS, 15)));
	for (let index = 1; index <= count; index++) {
		sent.set(index, Date.now());
		io.to('live:bare').emit('board:snapshot', { ...payload, sequence: index });
		await sleep(1000 / Math.max(perSecond, 0.1));
	}
	await sleep(1000);
	const arrivals = await viewers.report();
	viewers.stop();
	io.close();
	const latencies: number[] = [];
	for (const [sequence, times] of arrivals) for (const time of times) latencies.push(time - sent.get(sequence)!);
	return percentile(latencies, 0.95);
}
