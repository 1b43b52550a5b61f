import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import type { BoardSnapshot, RoundChanged } from '../../src/lib/realtime/events';
import { newOrg } from '../fixtures/factories';
import { apply, connect, FULL_SCORES, operation, scoringWorld, type Client } from '../fixtures/sheets';
import { startAppServer } from './app-server';

// Several `npm start` processes on one database share rooms through socket.io's PostgreSQL adapter: a
// judge writes on process A, the head judge and a board viewer follow on process B, and every score
// arrives. The board round has enough entries that its snapshots go through the attachments table.

type Server = Awaited<ReturnType<typeof startAppServer>>;
let serverA: Server;
let serverB: Server;
const open: Client[] = [];

beforeAll(async () => {
	const start = () => startAppServer(inject('appDatabaseUrl'), { DATABASE_MIGRATION_URL: inject('databaseUrl'), JIANGXIN_SOCKET_ADAPTER: 'postgres' });
	[serverA, serverB] = await Promise.all([start(), start()]);
}, 240_000);

afterAll(async () => {
	for (const socket of open.splice(0)) socket.disconnect();
	await Promise.all([serverA?.stop(), serverB?.stop()]);
});

async function client(url: string, cookie?: string): Promise<Client> {
	const socket = await connect(url, cookie);
	open.push(socket);
	return socket;
}

async function until(condition: () => boolean, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

describe('two app processes on one database', () => {
	it('deliver every round:changed and a board that reflects every score to clients of the other process', { timeout: 120_000 }, async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner, { judges: 3, entries: 200 });
		const scored = round.entries.slice(0, 5);

		const head = await client(serverB.url, judges[0]!.cookie);
		const changes: RoundChanged[] = [];
		head.on('round:changed', (change) => changes.push(change));
		expect(await head.timeout(5000).emitWithAck('room:join', { room: `round:${round.roundId}` })).toEqual({ ok: true });
		const viewers = await Promise.all([client(serverB.url), client(serverA.url)]);
		const boards: BoardSnapshot[][] = [[], []];
		for (const [index, socket] of viewers.entries()) {
			socket.on('board:snapshot', (snapshot) => boards[index]!.push(snapshot));
			expect(await socket.timeout(5000).emitWithAck('room:join', { room: `live:${round.competitionId}` })).toEqual({ ok: true });
		}

		// Each judge, on process A, saves then submits each of the five entries: 30 committed writes.
		const tablets = await Promise.all(judges.map((judge) => client(serverA.url, judge.cookie)));
		await Promise.all(
			tablets.map(async (tablet) => {
				for (let index = 0; index < scored.length; index++) {
					const saved = await apply(tablet, operation(round, index, { scores: { process: 1000 } }));
					expect(saved.ok).toBe(true);
					const submitted = await apply(tablet, operation(round, index, { kind: 'submit', scores: FULL_SCORES, baseVersion: saved.ok ? saved.sheet.version : null }));
					expect(submitted.ok).toBe(true);
				}
			})
		);

		await until(() => changes.length >= 30, 20_000);
		const seen = new Set(changes.map((change) => `${change.entryId}/${change.judgeId}/${change.status}`));
		for (const entry of scored) for (const judge of judges) for (const status of ['draft', 'submitted']) expect(seen.has(`${entry.id}/${judge.judgeId}/${status}`)).toBe(true);
		expect(changes).toHaveLength(30);

		// The last snapshot on both processes shows every score: five entries with 3 of 3 sheets, the rest 0 of 3.
		const complete = (snapshot: BoardSnapshot | undefined) =>
			!!snapshot && snapshot.rounds[0]!.progress.slice(0, 5).every((entry) => entry.received === 3 && entry.expected === 3) && snapshot.rounds[0]!.progress.slice(5).every((entry) => entry.received === 0);
		await until(() => complete(boards[0]!.at(-1)) && complete(boards[1]!.at(-1)), 20_000);
		expect(boards[0]!.at(-1)!.rounds[0]!.progress).toHaveLength(200);
		for (const received of boards) for (let index = 1; index < received.length; index++) expect(received[index]!.sequence).toBeGreaterThan(received[index - 1]!.sequence);
		// Snapshots of 200 entries are larger than NOTIFY carries: they went through the attachments table.
		expect(JSON.stringify(boards[0]!.at(-1)).length).toBeGreaterThan(7900);
		const [attachments] = await db()<{ count: number }[]>`select count(*)::int as count from socket_io_attachments`;
		expect(attachments!.count).toBeGreaterThan(0);
	});
});
