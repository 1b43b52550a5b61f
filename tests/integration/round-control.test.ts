import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { createSession } from '../../src/lib/server/auth/session';
import { evaluateRound } from '../../src/lib/domain/scoring';
import { loadRoundInput } from '../../src/lib/server/results/round-input';
import { judgeRoundState } from '../../src/lib/server/sheets/judge-round';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events';
import { actorFor, joinOrg, newOrg } from '../fixtures/factories';
import { seedJudgeRound } from '../fixtures/judge-entries';
import { insertDevice, insertSheet, practicalScores, seedPanel } from '../fixtures/live-judging';
import { get, postForm, sessionCookie } from './http-helpers';

// The head judge's and the organiser's control of a round, over the real server: sign-off waits for
// every expected sheet (or an absence), locks them, and the provisional results are the engine's on
// the stored rows; returns, unlocks and revocations; who may do it, and nobody of another organisation.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sockets: Client[] = [];
afterAll(() => sockets.forEach((socket) => socket.disconnect()));

function api(token: string, method: string, path: string, body?: unknown): Promise<Response> {
	return fetch(`${inject('appUrl')}/api/v1${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** Two entries (101, 102), two scoring judges (the first is head judge); every sheet submitted except judge 2's for 102. */
async function scoredRound() {
	const owner = await newOrg();
	const round = await seedJudgeRound(owner, { count: 2, markingNumbers: true });
	const judges = await seedPanel(owner, round, 2);
	const [e1, e2] = round.entries;
	await insertSheet(owner, { roundId: round.roundId, entryId: e1!.id, judgeId: judges[0]!.judgeId, scores: practicalScores(90), status: 'submitted' });
	await insertSheet(owner, { roundId: round.roundId, entryId: e1!.id, judgeId: judges[1]!.judgeId, scores: practicalScores(80), status: 'submitted' });
	await insertSheet(owner, { roundId: round.roundId, entryId: e2!.id, judgeId: judges[0]!.judgeId, scores: practicalScores(70), status: 'submitted' });
	await insertSheet(owner, { roundId: round.roundId, entryId: e2!.id, judgeId: judges[1]!.judgeId, scores: practicalScores(60), status: 'draft' });
	const { token } = await createApiToken(owner, '裁判长测试');
	return { owner, round, judges, e1: e1!, e2: e2!, token };
}

describe('sign-off (裁判长签字)', () => {
	it('is refused while a sheet is missing and names it; an absence lets it through; then every sheet is locked and the provisional results are the engine’s', async () => {
		const { owner, round, judges, e1, e2, token } = await scoredRound();
		const refused = await api(token, 'POST', `/rounds/${round.roundId}/sign-off`);
		expect(refused.status).toBe(409);
		const problem = (await refused.json()) as { error: { code: string; message: string } };
		expect(problem.error.code).toBe('sign_off_incomplete');
		expect(problem.error.message).toContain('102');
		expect(problem.error.message).toContain(judges[1]!.name);
		expect(problem.error.message).not.toContain('101');
		expect((await api(token, 'GET', `/rounds/${round.roundId}/provisional-results`)).status).toBe(409);

		expect((await api(token, 'POST', `/rounds/${round.roundId}/absences`, { judgeId: judges[1]!.judgeId, entryId: e2.id, reason: '身体不适离场' })).status).toBe(201);
		const signed = await api(token, 'POST', `/rounds/${round.roundId}/sign-off`);
		expect(signed.status).toBe(200);
		const statuses = await db()<{ status: string }[]>`select status from score_sheet where round_id = ${round.roundId}`;
		expect(statuses.map((row) => row.status)).toEqual(['locked', 'locked', 'locked', 'locked']);
		const [row] = await db()<{ scoresLockedAt: Date | null; signedOffBy: string | null }[]>`select scores_locked_at, signed_off_by from round where id = ${round.roundId}`;
		expect(row!.scoresLockedAt).not.toBeNull();
		expect(row!.signedOffBy).toBe(owner.user.id);

		const provisional = (await (await api(token, 'GET', `/rounds/${round.roundId}/provisional-results`)).json()) as { results: { entryId: string; number: number; total: number; rank: number }[] };
		const loaded = (await loadRoundInput(db(), owner.organisation.id, round.roundId))!;
		const engine = evaluateRound(loaded.scheme, loaded.input);
		expect(provisional.results.map(({ entryId, total, rank }) => ({ entryId, total, rank }))).toEqual(engine.entries.map(({ entryId, total, rank }) => ({ entryId, total, rank })));
		// 102 was scored by judge 1 alone (judge 2 absent, the draft left out): practical 70, no theory.
		expect(engine.entries.find((entry) => entry.entryId === e2.id)!.components.practical).toBe(7000);
		expect(provisional.results.map((result) => result.number)).toEqual([101, 102]);
		expect(e1.number).toBe(101);

		// The head judge sees the results on the matrix page; a second sign-off is refused.
		const page = await get(`/judge/rounds/${round.roundId}/matrix`, await sessionCookie(judges[0]!.user.id));
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('data-testid="provisional-results"');
		expect((await api(token, 'POST', `/rounds/${round.roundId}/sign-off`)).status).toBe(409);
	});

	it('is refused to a scoring judge who is not head judge, and signs off from the head judge’s page', async () => {
		const { round, judges, e2, token } = await scoredRound();
		const other = await sessionCookie(judges[1]!.user.id);
		expect((await get(`/judge/rounds/${round.roundId}/matrix`, other)).status).toBe(403);
		expect((await get(`/judge/rounds/${round.roundId}/devices`, other)).status).toBe(403);
		const byOther = await postForm(`/judge/rounds/${round.roundId}/matrix?/signOff`, { form: 'sign_off' }, other);
		expect(byOther.status).toBe(403);
		const head = await sessionCookie(judges[0]!.user.id);
		const incomplete = await postForm(`/judge/rounds/${round.roundId}/matrix?/signOff`, { form: 'sign_off' }, head);
		expect(incomplete.status).toBe(409);
		await api(token, 'POST', `/rounds/${round.roundId}/absences`, { judgeId: judges[1]!.judgeId, entryId: e2.id, reason: '请假' });
		const done = await postForm(`/judge/rounds/${round.roundId}/matrix?/signOff`, { form: 'sign_off' }, head);
		expect(done.status).toBe(200);
		const [row] = await db()<{ signedOffBy: string }[]>`select signed_off_by from round where id = ${round.roundId}`;
		expect(row!.signedOffBy).toBe(judges[0]!.user.id);
	});
});

describe('returns and unlocks', () => {
	it('returns a submitted sheet with a reason the judge sees, and unlocking a locked one withdraws the sign-off', async () => {
		const { round, judges, e1, e2, token } = await scoredRound();
		const target = { judgeId: judges[1]!.judgeId, entryId: e1.id, componentKey: 'practical' };
		const returned = await api(token, 'POST', `/rounds/${round.roundId}/sheet-returns`, { ...target, reason: '第 3 项漏评，请补评' });
		expect(returned.status).toBe(200);
		expect(await returned.json()).toMatchObject({ status: 'returned', version: 2, statusReason: '第 3 项漏评，请补评' });
		const state = await judgeRoundState(actorFor(judges[1]!.user), round.roundId);
		expect(state.sheets.find((sheet) => sheet.entryId === e1.id)).toMatchObject({ status: 'returned', statusReason: '第 3 项漏评，请补评' });
		// Only a submitted sheet can be returned.
		expect((await api(token, 'POST', `/rounds/${round.roundId}/sheet-returns`, { ...target, reason: '再退' })).status).toBe(409);

		await insertSheet({ organisation: { id: (await db()<{ organisationId: string }[]>`select organisation_id from round where id = ${round.roundId}`)[0]!.organisationId } } as never, { roundId: round.roundId, ...target, scores: practicalScores(85), status: 'submitted' });
		await api(token, 'POST', `/rounds/${round.roundId}/absences`, { judgeId: judges[1]!.judgeId, entryId: e2.id, reason: '请假' });
		expect((await api(token, 'POST', `/rounds/${round.roundId}/sign-off`)).status).toBe(200);
		const unlocked = await api(token, 'POST', `/rounds/${round.roundId}/sheet-unlocks`, { ...target, reason: '复核发现录入错误' });
		expect(unlocked.status).toBe(200);
		expect(await unlocked.json()).toMatchObject({ status: 'submitted', statusReason: '复核发现录入错误' });
		expect((await api(token, 'GET', `/rounds/${round.roundId}/provisional-results`)).status).toBe(409);
		const actions = await db()<{ action: string }[]>`select action from audit_log where subject_id in (select id::text from score_sheet where round_id = ${round.roundId}) or subject_id = ${round.roundId} order by id`;
		expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(['sheet.returned', 'judge.marked_absent', 'round.signed_off', 'sheet.unlocked']));
	});
});

describe('revoking a tablet', () => {
	it('ends its session: pages send it to sign-in and its socket is refused', async () => {
		const { owner, round, judges, token } = await scoredRound();
		const { token: sessionToken, session } = await createSession(db(), judges[1]!.user.id, new Date());
		const cookie = `jiangxin_session=${sessionToken}`;
		const deviceId = await insertDevice(owner, judges[1]!.judgeId, session.id, { outboxSize: 3, clockSkewMs: 1500 });
		expect((await get('/judge', cookie)).status).toBe(200);
		const listed = (await (await api(token, 'GET', `/rounds/${round.roundId}/devices`)).json()) as { devices: { id: string; outboxSize: number; clockSkewMs: number; isSignedIn: boolean }[] };
		expect(listed.devices).toEqual([expect.objectContaining({ id: deviceId, outboxSize: 3, clockSkewMs: 1500, isSignedIn: true })]);

		const revoked = await api(token, 'POST', `/devices/${deviceId}/revoke`);
		expect(revoked.status).toBe(200);
		expect(await revoked.json()).toMatchObject({ id: deviceId, isSignedIn: false });
		expect((await get('/judge', cookie)).status).toBe(303);
		const socket: Client = io(inject('appUrl'), { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
		sockets.push(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', () => resolve());
			setTimeout(() => reject(new Error('no answer')), 5000);
		});
		if (socket.connected) {
			const answer = await new Promise<{ ok: boolean }>((resolve) => socket.emit('judge:round', { roundId: round.roundId }, resolve));
			expect(answer.ok).toBe(false);
		}
		expect((await api(token, 'POST', `/devices/${deviceId}/revoke`)).status).toBe(409);
		const [audit] = await db()<{ action: string }[]>`select action from audit_log where subject_id = ${deviceId}`;
		expect(audit!.action).toBe('device.revoked');
	});
});

describe('who may control a round', () => {
	it('refuses contestants and strangers on the pages, and another organisation on every API route', async () => {
		const { owner, round, judges, e1, token } = await scoredRound();
		const contestant = await joinOrg(owner, 'contestant');
		const orgMatrix = `/orgs/${owner.organisation.slug}/competitions/${round.competitionId}/rounds/${round.roundId}/matrix`;
		expect((await get(orgMatrix, await sessionCookie(owner.user.id))).status).toBe(200);
		expect((await get(orgMatrix, await sessionCookie(contestant.user.id))).status).toBe(403);
		expect((await get(orgMatrix)).status).toBe(303);
		expect((await get(`/judge/rounds/${round.roundId}/matrix`, await sessionCookie(contestant.user.id))).status).toBe(404);

		const stranger = await newOrg();
		const { token: foreign } = await createApiToken(stranger, '别家');
		const deviceId = await insertDevice(owner, judges[1]!.judgeId, null);
		const body = { judgeId: judges[1]!.judgeId, entryId: e1.id, componentKey: 'practical', reason: '越权' };
		const calls: [string, string, unknown?][] = [
			['GET', `/rounds/${round.roundId}/matrix`],
			['POST', `/rounds/${round.roundId}/sign-off`],
			['POST', `/rounds/${round.roundId}/sheet-returns`, body],
			['POST', `/rounds/${round.roundId}/sheet-unlocks`, body],
			['POST', `/rounds/${round.roundId}/absences`, { judgeId: judges[1]!.judgeId, entryId: e1.id, reason: '越权' }],
			['DELETE', `/rounds/${round.roundId}/absences?judgeId=${judges[1]!.judgeId}&entryId=${e1.id}`],
			['GET', `/rounds/${round.roundId}/provisional-results`],
			['GET', `/rounds/${round.roundId}/devices`],
			['POST', `/devices/${deviceId}/revoke`]
		];
		for (const [method, path, payload] of calls) expect(`${method} ${path} ${(await api(foreign, method, path, payload)).status}`).toBe(`${method} ${path} 404`);
		const [sheet] = await db()<{ status: string }[]>`select status from score_sheet where round_id = ${round.roundId} and entry_id = ${e1.id} and judge_id = ${judges[1]!.judgeId}`;
		expect(sheet!.status).toBe('submitted');

		// Malformed input is a 400 in the error shape, never a 500.
		for (const payload of [{}, { ...body, judgeId: 'nope' }, { ...body, componentKey: 'a b' }, { ...body, reason: '' }]) {
			const response = await api(token, 'POST', `/rounds/${round.roundId}/sheet-returns`, payload);
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
		}
		expect((await api(token, 'GET', '/rounds/not-a-uuid/matrix')).status).toBe(400);
		expect((await api(token, 'DELETE', `/rounds/${round.roundId}/absences?judgeId=x`)).status).toBe(400);
	});

	it('gives a blind round’s matrix by number only: no contestant’s name or unit', async () => {
		const { round, token, judges } = await scoredRound();
		const text = await (await api(token, 'GET', `/rounds/${round.roundId}/matrix`)).text();
		for (const entry of round.entries) {
			expect(text).not.toContain(entry.name);
			expect(text).not.toContain(entry.unit);
		}
		expect(text).toContain('"number":101');
		const page = await (await get(`/judge/rounds/${round.roundId}/matrix`, await sessionCookie(judges[0]!.user.id))).text();
		for (const entry of round.entries) expect(page).not.toContain(entry.name);
	});
});
