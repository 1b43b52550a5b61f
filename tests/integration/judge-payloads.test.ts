import { readdirSync } from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { linkJudgeUser } from '../../src/lib/server/judging/judge-queries';
import { maskIdNumber, maskPhone } from '../../src/lib/domain/identity/id-number';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events';
import { newOrg, newUser } from '../fixtures/factories';
import { seedStatus } from '../fixtures/competitions';
import { FULL_SCORES, operation } from '../fixtures/sheets';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { sessionCookie } from './http-helpers';

// Everything a judge receives for a blind round carries numbers only. This walks every judge-facing
// page, its data endpoint, every JSON answer, a form action's answer and every socket payload as a
// judge, and fails if any contestant's name, unit, phone or ID number (full or masked) appears in it.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sockets: Client[] = [];
afterAll(() => {
	for (const socket of sockets) socket.disconnect();
});

/** The judge-facing route patterns (src/routes/judge), so a new judge page cannot escape the walk. */
function judgeRoutePatterns(): string[] {
	const root = path.resolve('src/routes/judge');
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\+(page|server)\.(ts|svelte)$/.test(file))
		.map((file) => `/judge/${path.dirname(file)}`.replace(/\/\.$/, '').replace(/\[(\w+)=\w+\]/g, '[$1]'))
		.filter((pattern, index, all) => all.indexOf(pattern) === index)
		.sort();
}

async function judgeOn(round: JudgeRound, owner: Awaited<ReturnType<typeof newOrg>>, unit: string) {
	const judge = await addJudge(owner, round.competitionId, { name: '盲评裁判', unit, phone: '', specialty: '', email: null });
	const user = await newUser({ displayName: '盲评裁判' });
	await linkJudgeUser(db(), owner.organisation.id, judge.id, user.id);
	await savePanel(owner, round.roundId, [
		{ judgeId: judge.id, role: 'head' },
		{ judgeId: judge.id, role: 'judge' },
		{ judgeId: judge.id, role: 'encryption' }
	]);
	// Judging, so the sheet writes in the walk are applied and their acks carry real sheets.
	await seedStatus(owner, round.competitionId, 'judging');
	return { judgeId: judge.id, cookie: await sessionCookie(user.id) };
}

/** Every payload a judge can receive about the round, as text, labelled by where it came from. */
async function walk(round: JudgeRound, cookie: string): Promise<{ visited: Set<string>; payloads: [string, string][] }> {
	const visited = new Set<string>();
	const payloads: [string, string][] = [];
	const fetchText = async (pattern: string, url: string, init?: RequestInit) => {
		visited.add(pattern);
		const response = await fetch(`${inject('appUrl')}${url}`, { redirect: 'manual', ...init, headers: { cookie, ...(init?.headers ?? {}) } });
		payloads.push([url, await response.text()]);
		return response;
	};
	for (const suffix of ['', '/__data.json']) {
		await fetchText('/judge', `/judge${suffix}`);
		await fetchText('/judge/rounds/[round]', `/judge/rounds/${round.roundId}${suffix}`);
		// The draw as the round's encryption judge sees it before opening the sealed decoding table.
		await fetchText('/judge/rounds/[round]/draw', `/judge/rounds/${round.roundId}/draw${suffix}`);
		// The head judge's matrix and device panel (this judge is the round's head judge).
		await fetchText('/judge/rounds/[round]/matrix', `/judge/rounds/${round.roundId}/matrix${suffix}`);
		await fetchText('/judge/rounds/[round]/devices', `/judge/rounds/${round.roundId}/devices${suffix}`);
	}
	await fetchText('/judge/sign-in', '/judge/sign-in');
	for (const entry of round.entries) await fetchText('/judge/rounds/[round]/entries/[entry]', `/judge/rounds/${round.roundId}/entries/${entry.id}`);
	// A form action's answer (declaring a conflict of one's own), in the shape use:enhance reads.
	const declared = await fetchText('/judge/rounds/[round]', `/judge/rounds/${round.roundId}?/declare`, {
		method: 'POST',
		body: new URLSearchParams({ entryId: round.entries.at(-1)!.id, kind: 'other', note: '' }),
		headers: { origin: inject('appUrl'), accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(declared.status).toBe(200);
	// The judges' JSON interface for withdrawing a conflict of their own: an error answer, for an id that is none.
	const withdrawn = await fetchText('/judge/rounds/[round]/conflicts/[conflict]', `/judge/rounds/${round.roundId}/conflicts/${crypto.randomUUID()}`, { method: 'DELETE' });
	expect(withdrawn.status).toBe(404);

	const socket: Client = io(inject('appUrl'), { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
	sockets.push(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	for (const entry of round.entries) {
		const answer = await new Promise<unknown>((resolve) => socket.emit('judge:entry', { roundId: round.roundId, entryId: entry.id }, resolve));
		payloads.push([`socket judge:entry ${entry.number}`, JSON.stringify(answer)]);
	}
	// Live judging (issue 15): the tablet's whole view of the round, and the acks of its writes.
	const state = await new Promise<unknown>((resolve) => socket.emit('judge:round', { roundId: round.roundId }, resolve));
	payloads.push(['socket judge:round', JSON.stringify(state)]);
	for (const [index, entry] of round.entries.entries()) {
		const ack = await new Promise<unknown>((resolve) => socket.emit('sheet:apply', operation(round, index, { kind: 'submit', scores: FULL_SCORES }), resolve));
		payloads.push([`socket sheet:apply ${entry.number}`, JSON.stringify(ack)]);
	}
	return { visited, payloads };
}

function secretsOf(round: JudgeRound): string[] {
	return round.entries.flatMap((entry) => [entry.name, entry.unit, entry.phone, maskPhone(entry.phone), entry.idNumber, maskIdNumber(entry.idNumber)]);
}

const leaks = (payloads: [string, string][], secrets: string[]) =>
	payloads.flatMap(([where, text]) => secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} carries ${secret}`));

describe('what judges receive for a blind round', () => {
	it('walks every judge-facing route', () => {
		expect(judgeRoutePatterns()).toEqual([
			'/judge',
			'/judge/rounds/[round]',
			'/judge/rounds/[round]/conflicts/[conflict]',
			'/judge/rounds/[round]/devices',
			'/judge/rounds/[round]/draw',
			'/judge/rounds/[round]/entries/[entry]',
			'/judge/rounds/[round]/matrix',
			'/judge/sign-in'
		]);
	});

	it('carries numbers only: no name, unit, phone or ID number of any contestant', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { blind: true, count: 4, markingNumbers: true });
		// The judge shares the first entry's unit, so that entry is among the payloads as "stood aside".
		const { cookie } = await judgeOn(round, owner, round.entries[0]!.unit);
		const { visited, payloads } = await walk(round, cookie);
		expect([...visited].sort()).toEqual(judgeRoutePatterns());
		expect(leaks(payloads, secretsOf(round))).toEqual([]);
		// And the numbers are there: the walk looked at real answers, not error pages.
		const roundPage = payloads.find(([where]) => where === `/judge/rounds/${round.roundId}`)![1];
		for (const entry of round.entries) expect(roundPage).toContain(String(entry.number));
		expect(payloads.find(([where]) => where === `/judge/rounds/${round.roundId}/draw`)![1]).toContain('data-testid="stage-1"');
		expect(roundPage).toContain('data-testid="stood-aside"');
		// The head judge's matrix is a real page with every entry's number, and marks the conflict.
		const matrixPage = payloads.find(([where]) => where === `/judge/rounds/${round.roundId}/matrix`)![1];
		for (const entry of round.entries) expect(matrixPage).toContain(`data-number="${entry.number}"`);
		expect(matrixPage).toContain('data-state="stood_aside"');
		expect(payloads.filter(([where, text]) => where.startsWith('socket judge:entry') && text.includes('"ok":true'))).toHaveLength(2);
		// The tablet's view lists every entry by number, and the two entries the judge may score took the sheets.
		const state = payloads.find(([where]) => where === 'socket judge:round')![1];
		for (const entry of round.entries) expect(state).toContain(`"number":${entry.number}`);
		expect(payloads.filter(([where, text]) => where.startsWith('socket sheet:apply') && text.includes('"ok":true'))).toHaveLength(2);
	});

	it('would catch a leak: the same walk over an open round finds the names and units', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { blind: false, count: 2 });
		const { cookie } = await judgeOn(round, owner, '与众不同的单位');
		const { payloads } = await walk(round, cookie);
		const found = leaks(payloads, round.entries.flatMap((entry) => [entry.name, entry.unit]));
		expect(found.length).toBeGreaterThan(0);
		// Even in an open round, phones and ID numbers never reach a judge.
		expect(leaks(payloads, round.entries.flatMap((entry) => [entry.phone, entry.idNumber, maskIdNumber(entry.idNumber)]))).toEqual([]);
	});
});
