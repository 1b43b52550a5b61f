import { afterEach, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { declareConflict } from '../../src/lib/server/judging/conflicts-service';
import type { JudgeRoundResult, RoundChanged, SheetAck, SheetState } from '../../src/lib/realtime/events';
import { joinOrg, newOrg } from '../fixtures/factories';
import { apply, connect, FULL_SCORES, operation, recordsOf, scoringWorld, seatedJudge, type Client } from '../fixtures/sheets';
import { createSession } from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/session-token';
import { issueSignInCode, redeemSignInCode } from '../../src/lib/server/judging/access-service';

// A judge's writes over socket.io against the real built server: every answer is an ack, only a
// committed write is acknowledged, a replay changes nothing, and every refusal says why.

const open: Client[] = [];
afterEach(() => {
	for (const socket of open.splice(0)) socket.disconnect();
});
async function client(cookie?: string): Promise<Client> {
	const socket = await connect(inject('appUrl'), cookie);
	open.push(socket);
	return socket;
}
const roundState = (socket: Client, roundId: string): Promise<JudgeRoundResult> => socket.timeout(10_000).emitWithAck('judge:round', { roundId });
const failed = (ack: SheetAck) => (ack.ok ? undefined : ack.error);

describe('sheet:apply and judge:round', () => {
	it('applies a save once, answers a replay with the same outcome and changes nothing', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		const state = await roundState(judge, round.roundId);
		expect(state.ok && state.state.components.map((component) => component.key)).toEqual(['practical']);
		expect(state.ok && state.state.sheets).toEqual([]);

		const op = operation(round, 0, { scores: { process: 1850, precision: null }, deductions: { defect: 2 }, note: '边角毛刺' });
		const first = await apply(judge, op);
		expect(first).toMatchObject({ ok: true, operationId: op.operationId, replayed: false, superseded: false });
		const sheet = (first as { sheet: SheetState }).sheet;
		expect(sheet).toMatchObject({ judgeId: judges[1]!.judgeId, entryId: round.entries[0]!.id, scores: { process: 1850 }, deductions: { defect: 2 }, status: 'draft', version: 1, note: '边角毛刺' });
		const before = await recordsOf(owner.organisation.id, round.roundId);
		expect(before.operations).toHaveLength(1);
		expect(before.audit).toHaveLength(1);
		expect(before.audit[0]!.subjectLabel).toBe(`裁判 ${judges[1]!.name} 保存了 ${round.entries[0]!.number} 号的评分（实际操作）`);

		const again = await apply(judge, op);
		expect(again).toEqual({ ...first, replayed: true });
		expect(await recordsOf(owner.organisation.id, round.roundId)).toEqual(before);

		const reloaded = await roundState(judge, round.roundId);
		expect(reloaded.ok && reloaded.state.sheets).toEqual([sheet]);
	});

	it('answers a malformed payload with validation_failed and ignores an event without an ack', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		(judge.emit as (event: string, payload: unknown) => void)('sheet:apply', operation(round, 0));
		for (const payload of [null, 'text', { ...operation(round, 0), operationId: 'not-a-uuid' }, { ...operation(round, 0), scores: { process: 12.5 } }, { ...operation(round, 0), scores: { process: -1 } }]) {
			const ack = await apply(judge, payload);
			expect(ack.ok).toBe(false);
			expect(failed(ack)!.code).toBe('validation_failed');
		}
		expect(failed(await apply(judge, { ...operation(round, 0), scores: { process: 12.5 } }))!.fields).toHaveProperty(['scores.process']);
		// The socket still answers, and the operation without an ack was not applied as a failure either way.
		expect((await apply(judge, operation(round, 1))).ok).toBe(true);
	});

	it('refuses values the scheme does not allow, at the field', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		const ack = await apply(judge, operation(round, 0, { scores: { process: 2001, colour: 100 }, deductions: { knot: 1 } }));
		expect(ack).toMatchObject({ ok: false, error: { code: 'sheet_invalid' } });
		expect(Object.keys(failed(ack)!.fields!).sort()).toEqual(['deductions.knot', 'scores.colour', 'scores.process']);
		expect(failed(ack)!.fields!['scores.process']).toContain('20');
		const incomplete = await apply(judge, operation(round, 0, { kind: 'submit', scores: { process: 1000 } }));
		expect(Object.keys(failed(incomplete)!.fields!).sort()).toEqual(['scores.completeness', 'scores.precision', 'scores.safety', 'scores.surface']);
		expect(failed(await apply(judge, operation(round, 0, { componentKey: 'theory' })))!.code).toBe('sheet_component_unknown');
		expect((await recordsOf(owner.organisation.id, round.roundId)).sheets).toEqual([]);
	});

	it('refuses a submitted sheet until it is returned, a locked sheet and a signed-off round, each with its message', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		const submitted = await apply(judge, operation(round, 0, { kind: 'submit', scores: FULL_SCORES }));
		expect(submitted).toMatchObject({ ok: true, sheet: { status: 'submitted', version: 1 } });
		const refused = await apply(judge, operation(round, 0, { scores: { process: 100 }, baseVersion: 1 }));
		expect(refused).toMatchObject({ ok: false, error: { code: 'sheet_submitted', message: expect.stringContaining('退回') }, sheet: { status: 'submitted', scores: FULL_SCORES } });

		await db()`update score_sheet set status = 'returned', status_reason = '工艺分偏高' where round_id = ${round.roundId}`;
		const corrected = await apply(judge, operation(round, 0, { scores: { ...FULL_SCORES, process: 1500 }, baseVersion: 1 }));
		expect(corrected).toMatchObject({ ok: true, sheet: { status: 'returned', version: 2, statusReason: '工艺分偏高' } });

		await db()`update score_sheet set status = 'locked' where round_id = ${round.roundId}`;
		expect(await apply(judge, operation(round, 0, { baseVersion: 2 }))).toMatchObject({ ok: false, error: { code: 'sheet_locked', message: expect.stringContaining('锁定') }, sheet: { status: 'locked' } });

		await db()`update round set scores_locked_at = now() where id = ${round.roundId}`;
		expect(await apply(judge, operation(round, 1))).toMatchObject({ ok: false, error: { code: 'sheet_round_signed_off', message: expect.stringContaining('裁判长已签字') } });
		const records = await recordsOf(owner.organisation.id, round.roundId);
		expect(records.operations).toHaveLength(2);
		expect(records.audit.map((row) => row.action)).toEqual(['sheet.submitted', 'sheet.saved']);
	});

	it('refuses a judge who stands aside, a judge of another panel, a stranger and another person’s operation id', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		await declareConflict(owner, round.roundId, { judgeId: judges[1]!.judgeId, entryId: round.entries[0]!.id, kind: 'relative', note: '' });
		const conflicted = await client(judges[1]!.cookie);
		expect(failed(await apply(conflicted, operation(round, 0)))!.code).toBe('judge_conflicted');

		const other = await scoringWorld(owner);
		const otherJudge = await client(other.judges[1]!.cookie);
		expect(failed(await apply(otherJudge, operation(round, 1)))!.code).toBe('not_on_panel');
		expect(failed(await apply(await client(), operation(round, 1)))!.code).toBe('forbidden');
		// Not on the panel of this round though a judge of the same competition.
		const offPanel = await seatedJudge(owner, round.competitionId, '场外裁判');
		const offPanelSocket = await client(offPanel.cookie);
		expect(failed(await apply(offPanelSocket, operation(round, 1)))!.code).toBe('not_on_panel');
		expect(await roundState(offPanelSocket, round.roundId)).toMatchObject({ ok: false, error: { code: 'not_on_panel' } });
		// Another organisation's judge, on their own organisation's panel.
		const foreign = await scoringWorld(await newOrg());
		const foreignSocket = await client(foreign.judges[1]!.cookie);
		expect(failed(await apply(foreignSocket, operation(round, 1)))!.code).toBe('not_on_panel');
		expect(await roundState(foreignSocket, round.roundId)).toMatchObject({ ok: false, error: { code: 'not_on_panel' } });

		const taken = operation(round, 1);
		expect((await apply(await client(judges[0]!.cookie), taken)).ok).toBe(true);
		expect(failed(await apply(conflicted, taken))!.code).toBe('sheet_operation_taken');
		const records = await recordsOf(owner.organisation.id, round.roundId);
		expect(records.sheets.map((sheet) => sheet.judgeId)).toEqual([judges[0]!.judgeId]);
	});

	it('lets the later write of two devices win, tells the device it superseded, and tells the other device', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const { token } = await createSession(db(), judges[1]!.userId, new Date());
		const tabletA = await client(judges[1]!.cookie);
		const tabletB = await client(`jiangxin_session=${token}`);
		const heardByA: SheetState[] = [];
		tabletA.on('sheet:updated', (sheet) => heardByA.push(sheet));

		const fromA = await apply(tabletA, operation(round, 0, { scores: { process: 1000 } }));
		expect(fromA).toMatchObject({ ok: true, superseded: false, sheet: { version: 1 } });
		const fromB = await apply(tabletB, operation(round, 0, { scores: { process: 1200 }, baseVersion: null }));
		expect(fromB).toMatchObject({ ok: true, superseded: true, sheet: { version: 2, scores: { process: 1200 } } });
		const onB = await apply(tabletB, operation(round, 0, { scores: { process: 1300 }, baseVersion: 2 }));
		expect(onB).toMatchObject({ ok: true, superseded: false, sheet: { version: 3 } });
		// Every version reaches A, but not necessarily in order: through the PostgreSQL adapter a local
		// delivery waits for its NOTIFY, and the pool may finish those out of order. The tablet keeps
		// the newest (reconcileSheet ignores an older announcement), so assert what it ends up with.
		await expect.poll(() => heardByA.map((sheet) => sheet.version).sort()).toEqual([1, 2, 3]);
		expect(heardByA.find((sheet) => sheet.version === 3)!.scores).toEqual({ process: 1300 });
		const devices = await db()`select session_id from judge_device where judge_id = ${judges[1]!.judgeId}`;
		expect(devices).toHaveLength(2);
	});

	it('serialises simultaneous writes to one sheet: each gets its own version, a doubled id applies once', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const { token } = await createSession(db(), judges[1]!.userId, new Date());
		const tablets = [await client(judges[1]!.cookie), await client(`jiangxin_session=${token}`)];
		const ops = Array.from({ length: 12 }, (_, index) => operation(round, 0, { scores: { process: 100 + index } }));
		const doubled = operation(round, 0, { scores: { process: 1999 } });
		const acks = await Promise.all([...ops.map((op, index) => apply(tablets[index % 2]!, op)), apply(tablets[0]!, doubled), apply(tablets[1]!, doubled)]);
		expect(acks.every((ack) => ack.ok)).toBe(true);
		const versions = acks.slice(0, 13).map((ack) => (ack as { sheet: SheetState }).sheet.version);
		expect([...versions].sort((x, y) => x - y)).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
		expect(acks.slice(12).map((ack) => (ack as { replayed: boolean }).replayed).sort()).toEqual([false, true]);
		const records = await recordsOf(owner.organisation.id, round.roundId);
		expect(records.sheets).toHaveLength(1);
		expect(records.sheets[0]!.version).toBe(13);
		expect(records.operations).toHaveLength(13);
		expect(records.audit).toHaveLength(13);
	});

	it('refuses a socket whose session ended (a revoked device) at its next operation', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		expect((await apply(judge, operation(round, 0))).ok).toBe(true);
		await db()`update judge_device set revoked_at = now() where session_id = ${judges[1]!.sessionId}`;
		expect(failed(await apply(judge, operation(round, 0, { baseVersion: 1 })))!.code).toBe('device_revoked');
		await db()`delete from session where id = ${judges[1]!.sessionId}`;
		expect(failed(await apply(judge, operation(round, 0, { baseVersion: 1 })))!.code).toBe('session_ended');
		expect(await judge.timeout(10_000).emitWithAck('device:heartbeat', { outboxSize: 1, appVersion: '1', clientTime: new Date().toISOString() })).toMatchObject({ ok: true, revoked: true });
		expect((await recordsOf(owner.organisation.id, round.roundId)).operations).toHaveLength(1);
	});

	it('tells a tablet that reconnects after its session was deleted (a revoke) that it was revoked', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		await db()`delete from session where id = ${judges[1]!.sessionId}`;
		// The handshake finds no session for the cookie: the socket is anonymous, and may not go on.
		const judge = await client(judges[1]!.cookie);
		expect(await judge.timeout(10_000).emitWithAck('device:heartbeat', { outboxSize: 1, appVersion: '1', clientTime: new Date().toISOString() })).toMatchObject({ ok: true, revoked: true });
		expect(failed(await apply(judge, operation(round, 0)))!.code).toBe('forbidden');
		expect((await recordsOf(owner.organisation.id, round.roundId)).operations).toHaveLength(0);
	});

	it('records heartbeats on the session’s device and answers the server clock', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const judge = await client(judges[1]!.cookie);
		const clientTime = new Date(Date.now() + 5_000).toISOString();
		const beat = await judge.timeout(10_000).emitWithAck('device:heartbeat', { outboxSize: 3, appVersion: '2.1.0', clientTime });
		expect(beat).toMatchObject({ ok: true, revoked: false });
		const [device] = await db()`select outbox_size, app_version, clock_skew_ms, last_seen_at, session_id from judge_device where judge_id = ${judges[1]!.judgeId}`;
		expect(device).toMatchObject({ outboxSize: 3, appVersion: '2.1.0', sessionId: judges[1]!.sessionId });
		expect(Math.abs(Number(device!.clockSkewMs) - 5_000)).toBeLessThan(3_000);
		expect(await judge.timeout(10_000).emitWithAck('device:heartbeat', { outboxSize: -1 } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
		void round;
	});

	it('binds a tablet signed in with a code to its session as the judge’s device', async () => {
		const owner = await newOrg();
		const { judges } = await scoringWorld(owner);
		const { code } = await issueSignInCode(owner, judges[1]!.judgeId, 'http://localhost');
		const signedIn = await redeemSignInCode(code, { ip: '198.51.100.7', requestId: 'test', now: new Date(), locale: 'zh-CN' });
		const devices = await db()`select judge_id, session_id, revoked_at from judge_device where judge_id = ${judges[1]!.judgeId}`;
		expect(devices).toEqual([{ judgeId: judges[1]!.judgeId, sessionId: hashToken(signedIn.token), revokedAt: null }]);
	});
});

describe('the round’s room', () => {
	it('admits the panel and the organisation’s managers, refuses others, and carries round:changed', async () => {
		const owner = await newOrg();
		const { round, judges } = await scoringWorld(owner);
		const join = (socket: Client) => socket.timeout(10_000).emitWithAck('room:join', { room: `round:${round.roundId}` });
		const head = await client(judges[0]!.cookie);
		expect(await join(head)).toEqual({ ok: true });
		const organiser = await joinOrg(owner, 'organiser');
		const contestant = await joinOrg(owner, 'contestant');
		const stranger = await newOrg();
		const sessionOf = async (userId: string) => `jiangxin_session=${(await createSession(db(), userId, new Date())).token}`;
		expect(await join(await client(await sessionOf(organiser.user.id)))).toEqual({ ok: true });
		expect(await join(await client(await sessionOf(contestant.user.id)))).toEqual({ ok: false, code: 'forbidden' });
		expect(await join(await client(await sessionOf(stranger.user.id)))).toEqual({ ok: false, code: 'forbidden' });
		expect(await join(await client())).toEqual({ ok: false, code: 'forbidden' });

		const changes: RoundChanged[] = [];
		head.on('round:changed', (change) => changes.push(change));
		const judge = await client(judges[1]!.cookie);
		await apply(judge, operation(round, 2, { kind: 'submit', scores: FULL_SCORES }));
		await expect.poll(() => changes).toEqual([{ roundId: round.roundId, kind: 'sheet', entryId: round.entries[2]!.id, judgeId: judges[1]!.judgeId, status: 'submitted', version: 1 }]);
	});
});
