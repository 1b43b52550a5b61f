import { afterEach, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { declareConflict } from '../../src/lib/server/judging/conflicts-service';
import { buildBoardSnapshot } from '../../src/lib/server/live/board-snapshot';
import { FAN_OUT_CHUNK } from '../../src/lib/server/live/live-board';
import type { BoardSnapshot, RoundChanged } from '../../src/lib/realtime/events';
import { newOrg } from '../fixtures/factories';
import { newCompetition, seedStatus } from '../fixtures/competitions';
import { apply, connect, FULL_SCORES, operation, scoringWorld, type Client, type ScoringWorld } from '../fixtures/sheets';
import { get, postForm, sessionCookie } from './http-helpers';

// The public live board against the real built server: progress by number only, a coalesced whole
// snapshot per room after each committed change, standings only when the organiser allows them.

const open: Client[] = [];
afterEach(() => {
	for (const socket of open.splice(0)) socket.disconnect();
});
async function client(cookie?: string): Promise<Client> {
	const socket = await connect(inject('appUrl'), cookie);
	open.push(socket);
	return socket;
}

/** A viewer in the competition's board room, recording every snapshot with when it arrived. */
async function viewer(competitionId: string) {
	const socket = await client();
	const received: { at: number; snapshot: BoardSnapshot }[] = [];
	socket.on('board:snapshot', (snapshot) => received.push({ at: Date.now(), snapshot }));
	expect(await socket.timeout(5000).emitWithAck('room:join', { room: `live:${competitionId}` })).toEqual({ ok: true });
	return { socket, received, last: () => received.at(-1)?.snapshot };
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** Everything personal in the world: entrants' names, units, phones, ID numbers, and the judges' names. */
function secretsOf(world: ScoringWorld): string[] {
	return [...world.round.entries.flatMap((entry) => [entry.name, entry.unit, entry.phone, entry.idNumber]), ...world.judges.map((judge) => judge.name)];
}

const slugOf = async (competitionId: string) => ((await db()`select slug from competition where id = ${competitionId}`)[0] as { slug: string }).slug;
const progressOf = (snapshot: BoardSnapshot | undefined) => snapshot?.rounds[0]?.progress.map(({ number, received, expected }) => [number, received, expected]);

/** Three judges (the first also head judge) on three entries; judge 3 stands aside for entry 1, judge 2 is absent for entry 2. */
async function boardWorld() {
	const owner = await newOrg();
	const world = await scoringWorld(owner, { judges: 3, entries: 3 });
	const { round, judges } = world;
	await declareConflict(owner, round.roundId, { judgeId: judges[2]!.judgeId, entryId: round.entries[0]!.id, kind: 'relative', note: '' });
	await db()`insert into judge_absence (organisation_id, round_id, entry_id, judge_id, reason) values (${owner.organisation.id}, ${round.roundId}, ${round.entries[1]!.id}, ${judges[1]!.judgeId}, '病假')`;
	return world;
}

describe('the live board', () => {
	it('counts sheets received of those expected per entry, by number only, and never shows a name, unit or phone', async () => {
		const world = await boardWorld();
		const { owner, round, judges } = world;
		const sockets = await Promise.all(judges.map((judge) => client(judge.cookie)));
		expect((await apply(sockets[0]!, operation(round, 0, { kind: 'submit', scores: FULL_SCORES }))).ok).toBe(true);
		// A draft is not received.
		expect((await apply(sockets[1]!, operation(round, 0, { scores: { process: 1000 } }))).ok).toBe(true);
		expect((await apply(sockets[2]!, operation(round, 2, { kind: 'submit', scores: FULL_SCORES }))).ok).toBe(true);

		const snapshot = await buildBoardSnapshot(owner.organisation.id, round.competitionId);
		expect(snapshot.rounds).toHaveLength(1);
		expect(progressOf(snapshot)).toEqual([
			[1, 1, 2],
			[2, 0, 2],
			[3, 1, 3]
		]);
		expect(snapshot.rounds[0]!.standings).toBeUndefined();

		// Standings on: still numbers only. The snapshot, the page and its data request carry no one's name.
		await db()`update round set board_shows_standings = true where id = ${round.roundId}`;
		const withStandings = await buildBoardSnapshot(owner.organisation.id, round.competitionId);
		expect(withStandings.rounds[0]!.standings!.map((place) => place.number).sort()).toEqual([1, 2, 3]);
		expect(withStandings.sequence).toBeGreaterThan(snapshot.sequence);
		const slug = await slugOf(round.competitionId);
		const page = await get(`/live/${slug}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="live-board"');
		const data = await (await get(`/live/${slug}/__data.json`)).text();
		for (const text of [JSON.stringify(snapshot), JSON.stringify(withStandings), html, data]) {
			for (const secret of secretsOf(world)) expect(text).not.toContain(secret);
			expect(text).not.toContain(round.entries[0]!.id);
		}
	});

	it('sends each viewer a whole snapshot after every change, at most one per 250 ms, the last change always included', async () => {
		const { round, judges } = await boardWorld();
		const board = await viewer(round.competitionId);
		const head = await client(judges[0]!.cookie);
		const changes: RoundChanged[] = [];
		head.on('round:changed', (change) => changes.push(change));
		expect(await head.timeout(5000).emitWithAck('room:join', { room: `round:${round.roundId}` })).toEqual({ ok: true });

		const judge = await client(judges[0]!.cookie);
		const started = Date.now();
		for (let index = 0; index < 3; index++) expect((await apply(judge, operation(round, index, { kind: 'submit', scores: FULL_SCORES }))).ok).toBe(true);
		await until(() => JSON.stringify(progressOf(board.last())) === JSON.stringify([[1, 1, 2], [2, 1, 2], [3, 1, 3]]));
		await new Promise((resolve) => setTimeout(resolve, 600));
		const elapsed = Date.now() - started;
		expect(changes.map((change) => change.entryId)).toEqual(round.entries.map((entry) => entry.id));
		// Coalesced: never more than one per window (plus the leading one), in rising sequence.
		expect(board.received.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
		// (Spacing is the coalescer's unit test; arrival times here jitter with the machine's load.)
		for (let index = 1; index < board.received.length; index++) expect(board.received[index]!.snapshot.sequence).toBeGreaterThan(board.received[index - 1]!.snapshot.sequence);

		// A burst of writes costs a couple of snapshots, not one per write.
		const before = board.received.length;
		await Promise.all([0, 1, 2].map((index) => apply(judge, operation(round, index, { kind: 'save', scores: { process: 100 * (index + 1) } }))));
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(board.received.length - before).toBeLessThanOrEqual(2);
	});

	it('reaches every viewer of a room larger than one chunk of the fan-out, each snapshot exactly once', async () => {
		const { round, judges } = await boardWorld();
		// The server writes to a room's viewers a chunk per turn of its event loop: more than two chunks here.
		const viewers = await Promise.all(Array.from({ length: FAN_OUT_CHUNK * 2 + 50 }, () => viewer(round.competitionId)));
		const judge = await client(judges[0]!.cookie);
		for (let index = 0; index < 3; index++) expect((await apply(judge, operation(round, index, { kind: 'submit', scores: FULL_SCORES }))).ok).toBe(true);
		const everything = JSON.stringify([[1, 1, 2], [2, 1, 2], [3, 1, 3]]);
		await until(() => viewers.every((board) => JSON.stringify(progressOf(board.last())) === everything));
		await new Promise((resolve) => setTimeout(resolve, 600));
		const sequences = (board: (typeof viewers)[number]) => board.received.map((arrival) => arrival.snapshot.sequence);
		const first = sequences(viewers[0]!);
		expect(new Set(first).size).toBe(first.length);
		for (const board of viewers) expect(sequences(board)).toEqual(first);
	});

	it('shows provisional standings only when the organiser allows it (API and page), audited, and only to this organisation', async () => {
		const { owner, round, judges } = await boardWorld();
		const judge = await client(judges[0]!.cookie);
		expect((await apply(judge, operation(round, 1, { kind: 'submit', scores: FULL_SCORES }))).ok).toBe(true);
		expect((await apply(judge, operation(round, 2, { kind: 'submit', scores: { ...FULL_SCORES, process: 1000 } }))).ok).toBe(true);
		const board = await viewer(round.competitionId);
		const { token } = await createApiToken(owner, '看板');
		const api = (method: string, path: string, body?: unknown, bearer = token) =>
			fetch(`${inject('appUrl')}/api/v1${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } });

		const shown = await api('PUT', `/rounds/${round.roundId}/board`, { showsStandings: true });
		expect(shown.status).toBe(200);
		expect(await shown.json()).toEqual({ roundId: round.roundId, showsStandings: true });
		await until(() => board.last()?.rounds[0]?.standings !== undefined);
		const standings = board.last()!.rounds[0]!.standings!;
		// Entry 2 has the full marks of the only complete sheet; entry 3 ten points less.
		expect(standings.slice(0, 2).map(({ rank, number }) => [rank, number])).toEqual([
			[1, 2],
			[2, 3]
		]);
		expect(standings[0]!.total).toBeGreaterThan(standings[1]!.total);
		expect(standings.every((place) => Object.keys(place).sort().join() === 'number,rank,total')).toBe(true);

		const settings = await (await api('GET', `/competitions/${round.competitionId}/board`)).json();
		expect(settings).toMatchObject({ boardPath: `/live/${await slugOf(round.competitionId)}`, rounds: [{ roundId: round.roundId, showsStandings: true }] });
		expect((await api('PUT', `/rounds/${round.roundId}/board`, { showsStandings: 'yes' })).status).toBe(400);

		// The organiser's page hides them again.
		const cookie = await sessionCookie(owner.user.id);
		const page = await get(`/orgs/${owner.organisation.slug}/competitions/${round.competitionId}/board`, cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(`/live/${await slugOf(round.competitionId)}`);
		const posted = await postForm(`/orgs/${owner.organisation.slug}/competitions/${round.competitionId}/board?/standings`, { roundId: round.roundId }, cookie);
		expect(posted.status).toBeLessThan(400);
		await until(() => board.last()?.rounds[0]?.standings === undefined);
		const audit = await db()`select action, subject_label from audit_log where organisation_id = ${owner.organisation.id} and action like 'board.%' order by id`;
		expect(audit.map((row) => row.action)).toEqual(['board.standings_shown', 'board.standings_hidden']);
		expect(audit[0]!.subjectLabel).toContain('·');

		// Another organisation sees nothing of it.
		const other = await newOrg();
		const { token: foreign } = await createApiToken(other, '别人的');
		expect((await api('PUT', `/rounds/${round.roundId}/board`, { showsStandings: true }, foreign)).status).toBe(404);
		expect((await api('GET', `/competitions/${round.competitionId}/board`, undefined, foreign)).status).toBe(404);
		expect((await get(`/orgs/${other.organisation.slug}/competitions/${round.competitionId}/board`, await sessionCookie(other.user.id))).status).toBe(404);
	});

	it('is 404 for a draft competition and empty for one not being judged', async () => {
		const owner = await newOrg();
		const competition = await newCompetition(owner);
		expect((await get(`/live/${competition.slug}`)).status).toBe(404);
		await seedStatus(owner, competition.id, 'registration');
		const page = await get(`/live/${competition.slug}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-testid="board-empty"');
	});
});
