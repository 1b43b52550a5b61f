import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { declareConflict } from '../../src/lib/server/judging/conflicts-service';
import type { SheetState } from '../../src/lib/realtime/events';
import { newOrg } from '../fixtures/factories';
import { apply, connect, FULL_SCORES, operation, recordsOf, scoringWorld, type Client, type ScoringWorld } from '../fixtures/sheets';

// The sheets through the API (organisers whose judges score elsewhere or on paper): the same rules as
// a tablet's write, idempotent by operation id, and nothing of another organisation.

let world: ScoringWorld;
let token: string;
let foreignToken: string;
beforeAll(async () => {
	world = await scoringWorld(await newOrg(), { judges: 3, entries: 3 });
	token = (await createApiToken(world.owner, '纸质评分录入')).token;
	foreignToken = (await createApiToken(await newOrg(), '别的组织')).token;
});

const open: Client[] = [];
afterEach(() => {
	for (const socket of open.splice(0)) socket.disconnect();
});

function call(method: string, path: string, body?: unknown, bearer = token) {
	return fetch(`${inject('appUrl')}/api/v1${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
		headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
	});
}
const sheetPath = (judgeIndex: number, entryIndex: number, component = 'practical') =>
	`/rounds/${world.round.roundId}/sheets/${world.judges[judgeIndex]!.judgeId}/${world.round.entries[entryIndex]!.id}/${component}`;
const write = (overrides: Record<string, unknown> = {}) => ({ operationId: randomUUID(), kind: 'save', scores: { process: 1600 }, deductions: {}, note: '纸质评分表', ...overrides });

describe('PUT /rounds/{id}/sheets/{judgeId}/{entryId}/{componentKey}', () => {
	it('writes a judge’s sheet once per operation id, audited, source api', async () => {
		const body = write({ kind: 'submit', scores: FULL_SCORES, deductions: { defect: 1 } });
		const first = await call('PUT', sheetPath(0, 0), body);
		expect(first.status).toBe(200);
		const answer = await first.json();
		expect(answer).toMatchObject({ replayed: false, superseded: false, sheet: { status: 'submitted', version: 1, scores: FULL_SCORES, deductions: { defect: 1 } } });
		const before = await recordsOf(world.owner.organisation.id, world.round.roundId);
		expect(before.sheets.find((sheet) => sheet.judgeId === world.judges[0]!.judgeId)).toMatchObject({ source: 'api', lastOperationId: body.operationId });
		expect(before.audit.at(-1)).toMatchObject({ action: 'sheet.submitted', subjectLabel: `裁判 ${world.judges[0]!.name} 提交了 ${world.round.entries[0]!.number} 号的评分（实际操作）` });

		const again = await call('PUT', sheetPath(0, 0), body);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ ...answer, replayed: true });
		expect(await recordsOf(world.owner.organisation.id, world.round.roundId)).toEqual(before);

		// Submitted: a further write for the judge is refused with the message the judge would see.
		const refused = await call('PUT', sheetPath(0, 0), write());
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({ error: { code: 'sheet_submitted', message: expect.stringContaining('裁判长') } });
	});

	it('refuses a conflicted judge and a judge of another panel, as the socket does', async () => {
		const conflicted = await scoringWorld(world.owner, { judges: 2 });
		await declareConflict(world.owner, conflicted.round.roundId, { judgeId: conflicted.judges[1]!.judgeId, entryId: conflicted.round.entries[0]!.id, kind: 'teacher_apprentice', note: '' });
		const path = `/rounds/${conflicted.round.roundId}/sheets/${conflicted.judges[1]!.judgeId}/${conflicted.round.entries[0]!.id}/practical`;
		const byApi = await call('PUT', path, write());
		expect(byApi.status).toBe(403);
		expect((await byApi.json()).error.code).toBe('judge_conflicted');
		const socket = await connect(inject('appUrl'), conflicted.judges[1]!.cookie);
		open.push(socket);
		expect(await apply(socket, operation(conflicted.round, 0))).toMatchObject({ ok: false, error: { code: 'judge_conflicted' } });

		// A judge of the other round's panel, written into this round.
		const otherPanel = `/rounds/${world.round.roundId}/sheets/${conflicted.judges[0]!.judgeId}/${world.round.entries[1]!.id}/practical`;
		const wrongPanel = await call('PUT', otherPanel, write());
		expect(wrongPanel.status).toBe(403);
		expect((await wrongPanel.json()).error.code).toBe('not_on_panel');
		expect((await recordsOf(world.owner.organisation.id, conflicted.round.roundId)).sheets).toEqual([]);
	});

	it('refuses values outside the scheme at the field, and unknown components', async () => {
		const response = await call('PUT', sheetPath(1, 1), write({ scores: { process: 2500, colour: 1 }, deductions: { knot: 2 } }));
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error.code).toBe('sheet_invalid');
		expect(Object.keys(error.fields).sort()).toEqual(['deductions.knot', 'scores.colour', 'scores.process']);
		expect((await call('PUT', sheetPath(1, 1, 'theory'), write())).status).toBe(400);
		expect((await call('PUT', sheetPath(1, 1), write({ scores: { process: 10.5 } }))).status).toBe(400);
	});

	it('refuses a locked sheet and a signed-off round with their messages', async () => {
		const locked = await scoringWorld(world.owner, { judges: 2 });
		const path = (entryIndex: number) => `/rounds/${locked.round.roundId}/sheets/${locked.judges[1]!.judgeId}/${locked.round.entries[entryIndex]!.id}/practical`;
		expect((await call('PUT', path(0), write())).status).toBe(200);
		await db()`update score_sheet set status = 'locked' where round_id = ${locked.round.roundId}`;
		const refused = await call('PUT', path(0), write());
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({ error: { code: 'sheet_locked', message: expect.stringContaining('锁定') } });
		await db()`update round set scores_locked_at = now() where id = ${locked.round.roundId}`;
		const signedOff = await call('PUT', path(1), write());
		expect(signedOff.status).toBe(409);
		expect((await signedOff.json()).error.code).toBe('sheet_round_signed_off');
	});

	it('answers another organisation’s token with 404 and writes nothing', async () => {
		const before = await recordsOf(world.owner.organisation.id, world.round.roundId);
		const put = await call('PUT', sheetPath(2, 2), write(), foreignToken);
		expect(put.status).toBe(404);
		expect((await put.json()).error.code).toBe('not_found');
		expect((await call('GET', `/rounds/${world.round.roundId}/sheets`, undefined, foreignToken)).status).toBe(404);
		expect(await recordsOf(world.owner.organisation.id, world.round.roundId)).toEqual(before);
	});
});

describe('GET /rounds/{id}/sheets', () => {
	it('lists every sheet of the round, narrowed by judge or entry', async () => {
		await call('PUT', sheetPath(2, 1), write());
		await call('PUT', sheetPath(2, 2), write());
		const all = (await (await call('GET', `/rounds/${world.round.roundId}/sheets`)).json()).sheets as SheetState[];
		expect(all.length).toBeGreaterThanOrEqual(3);
		const ofJudge = (await (await call('GET', `/rounds/${world.round.roundId}/sheets?judgeId=${world.judges[2]!.judgeId}`)).json()).sheets as SheetState[];
		expect(ofJudge.map((sheet) => sheet.entryId).sort()).toEqual([world.round.entries[1]!.id, world.round.entries[2]!.id].sort());
		const ofEntry = (await (await call('GET', `/rounds/${world.round.roundId}/sheets?entryId=${world.round.entries[2]!.id}`)).json()).sheets as SheetState[];
		expect(ofEntry.map((sheet) => sheet.judgeId)).toEqual([world.judges[2]!.judgeId]);
		expect((await call('GET', `/rounds/${world.round.roundId}/sheets?judgeId=nope`)).status).toBe(400);
	});
});
