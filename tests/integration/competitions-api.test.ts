import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { createSession } from '../../src/lib/server/auth/session';
import { newOrg } from '../fixtures/factories';
import { competitionFields, seedStatus, TEXTILE_SCHEME } from '../fixtures/competitions';

async function client() {
	const owner = await newOrg();
	const { token } = await createApiToken(owner, 'contest system');
	const call = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${inject('appUrl')}/api/v1${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: response.status, body: response.status === 204 ? null : await response.json() };
	};
	return { owner, call };
}

// Two entries by hand (DESIGN.md §3), theory 20 % / practical 80 %, five judges minus highest and lowest:
//  No. 1: practical (80+85+90)/3 = 85.00, one knot end −2.00 → 83.00; T = 0.2×90.00 + 0.8×83.00 = 84.40
//  No. 2: practical (88+88+87)/3 = 87.666… → 87.67; T = 0.2×75.50 + 0.8×87.67 = 85.236 → 85.24
const judges = (marks: number[]) => marks.map((mark, index) => ({ judgeId: `J${index + 1}`, scores: { workmanship: mark * 100 } }));
const TWO_ENTRIES = {
	entries: [
		{ id: 'e1', number: 1, entered: { theory: 9000 }, sheets: { practical: judges([80, 85, 90, 70, 95]) }, deductions: { practical: { knot_end_over_3mm: 1 } } },
		{ id: 'e2', number: 2, entered: { theory: 7550 }, sheets: { practical: judges([88, 88, 87, 89, 86]) } }
	]
};

describe('competitions API over HTTP', () => {
	it('creates a competition from a template, then lists, reads and advances it', async () => {
		const { call } = await client();
		const created = await call('POST', '/competitions', { ...competitionFields({ kind: 'craftsman_award' }), template: 'craftsman_award', eventName: '工匠评选' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ kind: 'craftsman_award', status: 'draft' });
		const detail = await call('GET', `/competitions/${created.body.id}`);
		expect(detail.body.events[0].rounds.map((round: { name: string }) => round.name)).toEqual(['初评', '终评']);
		const scheme = await call('GET', `/rounds/${detail.body.events[0].rounds[0].id}/scheme`);
		expect(scheme.body).toMatchObject({ isFrozen: false, current: { version: 1, scheme: { advancement: { kind: 'top', count: 21 } } } });
		expect((await call('GET', '/competitions')).body.competitions.map((row: { id: string }) => row.id)).toContain(created.body.id);
		const advanced = await call('POST', `/competitions/${created.body.id}/advance`, { to: 'registration' });
		expect(advanced.body.status).toBe('registration');
		const skipped = await call('POST', `/competitions/${created.body.id}/advance`, { to: 'judging' });
		expect(skipped.status).toBe(409);
		expect(skipped.body.error.code).toBe('lifecycle_blocked');
		// Nobody can register yet, so screening is blocked with the reason in words.
		const screening = await call('POST', `/competitions/${created.body.id}/advance`, { to: 'screening' });
		expect(screening.status).toBe(409);
		expect(screening.body.error.message).toBe('还不能进入下一阶段：还没有报名的选手（报名功能尚未开放）');
	});

	it('steps back one stage with a reason until judging starts', async () => {
		const { owner, call } = await client();
		const competition = (await call('POST', '/competitions', { ...competitionFields(), template: 'skills_contest', eventName: '钳工' })).body;
		await call('POST', `/competitions/${competition.id}/advance`, { to: 'registration' });
		const path = `/competitions/${competition.id}/step-back`;
		const noReason = await call('POST', path, { to: 'draft' });
		expect(noReason.status).toBe(400);
		expect(noReason.body.error).toMatchObject({ code: 'validation_failed', fields: { reason: '此项必填' } });
		const blank = await call('POST', path, { to: 'draft', reason: '   ' });
		expect(blank.body.error.fields).toEqual({ reason: '此项必填' });
		for (const malformed of [{ to: 'limbo', reason: 'x' }, { to: 'draft', reason: 42 }, [], 'draft']) {
			const answer = await call('POST', path, malformed);
			expect(answer.status, JSON.stringify(malformed)).toBe(400);
			expect(answer.body.error.code).toBe('validation_failed');
		}
		const skipping = await call('POST', path, { to: 'screening', reason: '错了' });
		expect(skipping.status).toBe(409);
		expect(skipping.body.error.code).toBe('step_back_blocked');
		const back = await call('POST', path, { to: 'draft', reason: '报名通知要重发' });
		expect(back.status).toBe(200);
		expect(back.body.status).toBe('draft');
		const audit = (await call('GET', '/audit-log?action=competition.stepped_back')).body;
		expect(audit.entries[0]).toMatchObject({ subjectId: competition.id, before: { status: 'registration' }, after: { status: 'draft', reason: '报名通知要重发' } });

		await seedStatus(owner, competition.id, 'judging');
		const late = await call('POST', path, { to: 'screening', reason: '想退回' });
		expect(late.status).toBe(409);
		expect(late.body.error).toMatchObject({ code: 'step_back_blocked', message: '评分已经开始，不能再退回上一阶段' });
		expect((await call('GET', `/competitions/${competition.id}`)).body.status).toBe('judging');
	});

	it('refuses a template made for another kind, at the template field', async () => {
		const { call } = await client();
		const mismatch = await call('POST', '/competitions', { ...competitionFields({ kind: 'craftsman_award' }), template: 'skills_contest', eventName: '县级工匠' });
		expect(mismatch.status).toBe(400);
		expect(mismatch.body.error.fields).toEqual({ template: '这个模板不适用于所选类型，请选择对应的模板' });
		const worldskillsAward = await call('POST', '/competitions', { ...competitionFields({ kind: 'craftsman_award' }), template: 'worldskills', eventName: '县级工匠' });
		expect(worldskillsAward.status).toBe(400);
		expect((await call('GET', '/competitions')).body.competitions).toEqual([]);
	});

	it('builds events and rounds, and refuses a scheme whose weights are not 100 % at the field', async () => {
		const { call } = await client();
		const competition = (await call('POST', '/competitions', competitionFields())).body;
		const event = await call('POST', `/competitions/${competition.id}/events`, { name: '纺织工', participation: 'individual', capacity: 60 });
		expect(event.status).toBe(201);
		const round = (await call('POST', `/events/${event.body.id}/rounds`, { name: '决赛', blind: true })).body;
		const broken = await call('PUT', `/rounds/${round.id}/scheme`, { scheme: { components: [{ key: 'theory', source: 'entered', weight: 2000 }] } });
		expect(broken.status).toBe(400);
		expect(broken.body.error).toMatchObject({ code: 'scheme_invalid', fields: { 'scheme.components': '各组成部分的权重合计必须正好是 100%' } });
		const saved = await call('PUT', `/rounds/${round.id}/scheme`, { scheme: TEXTILE_SCHEME });
		expect(saved.body).toEqual({ version: 1 });
		const shapeless = await call('PUT', `/rounds/${round.id}/scheme`, { scheme: { components: [{ key: 'x', source: 'magic', weight: 'lots' }] } });
		expect(shapeless.status).toBe(400);
		expect(shapeless.body.error.code).toBe('validation_failed');
	});

	it('never reaches another organisation’s competitions, events or rounds', async () => {
		const a = await client();
		const b = await client();
		const theirs = (await b.call('POST', '/competitions', { ...competitionFields(), template: 'skills_contest', eventName: '数控车工' })).body;
		const detail = (await b.call('GET', `/competitions/${theirs.id}`)).body;
		const eventId = detail.events[0].id;
		const roundId = detail.events[0].rounds[0].id;
		const attempts = [
			await a.call('GET', `/competitions/${theirs.id}`),
			await a.call('PATCH', `/competitions/${theirs.id}`, competitionFields()),
			await a.call('POST', `/competitions/${theirs.id}/advance`, { to: 'registration' }),
			await a.call('POST', `/competitions/${theirs.id}/step-back`, { to: 'draft', reason: '越权' }),
			await a.call('POST', `/competitions/${theirs.id}/events`, { name: 'x' }),
			await a.call('PATCH', `/events/${eventId}`, { name: 'x' }),
			await a.call('DELETE', `/events/${eventId}`),
			await a.call('POST', `/events/${eventId}/rounds`, { name: 'x', blind: true }),
			await a.call('DELETE', `/rounds/${roundId}`),
			await a.call('GET', `/rounds/${roundId}/scheme`),
			await a.call('PUT', `/rounds/${roundId}/scheme`, { scheme: TEXTILE_SCHEME })
		];
		expect(attempts.map((attempt) => attempt.status)).toEqual(Array(attempts.length).fill(404));
		expect((await a.call('GET', '/competitions')).body.competitions).toEqual([]);
		expect((await b.call('GET', `/competitions/${theirs.id}`)).body.events[0].rounds).toHaveLength(1);
	});
});

describe('POST /api/v1/scoring/evaluate', () => {
	it('publishes the hand-computed numbers, and stores nothing', async () => {
		const { call } = await client();
		const result = await call('POST', '/scoring/evaluate', { scheme: TEXTILE_SCHEME, input: TWO_ENTRIES });
		expect(result.status).toBe(200);
		expect(result.body.entries.map((entry: { number: number; components: object; total: number; rank: number }) => [entry.number, entry.components, entry.total, entry.rank])).toEqual([
			[2, { theory: 7550, practical: 8767 }, 8524, 1],
			[1, { theory: 9000, practical: 8300 }, 8440, 2]
		]);
		const practical = result.body.entries[1].breakdown.components.find((component: { key: string }) => component.key === 'practical');
		expect(practical.sheets.filter((sheet: { status: string }) => sheet.status !== 'counted').map((sheet: { judgeId: string }) => sheet.judgeId).sort()).toEqual(['J4', 'J5']);
		expect(practical.totalDeduction).toBe(200);
	});

	it('works for a signed-in browser session, and for nobody else', async () => {
		const owner = await newOrg();
		const { token } = await createSession(db(), owner.user.id, new Date());
		const url = `${inject('appUrl')}/api/v1/scoring/evaluate`;
		const body = JSON.stringify({ scheme: TEXTILE_SCHEME, input: TWO_ENTRIES });
		const withSession = await fetch(url, { method: 'POST', body, headers: { cookie: `jiangxin_session=${token}`, 'content-type': 'application/json' } });
		expect(withSession.status).toBe(200);
		const anonymous = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
		expect(anonymous.status).toBe(401);
	});

	it('points at the exact field of a bad scheme or bad data', async () => {
		const { call } = await client();
		const badWeights = await call('POST', '/scoring/evaluate', { scheme: { ...TEXTILE_SCHEME, components: [TEXTILE_SCHEME.components[0]] }, input: TWO_ENTRIES });
		expect(badWeights.body.error).toMatchObject({ code: 'scheme_invalid', fields: { 'scheme.components': '各组成部分的权重合计必须正好是 100%' } });
		const duplicate = await call('POST', '/scoring/evaluate', { scheme: TEXTILE_SCHEME, input: { entries: [TWO_ENTRIES.entries[0], { ...TWO_ENTRIES.entries[1], number: 1 }] } });
		expect(duplicate.body.error.code).toBe('round_input_invalid');
		expect(Object.values(duplicate.body.error.fields)).toContain('参赛号重复');
	});

	it('is in the OpenAPI document with a request example whose response example is the engine’s own answer', async () => {
		const document = await (await fetch(`${inject('appUrl')}/api/v1/openapi.json`)).json();
		const operation = document.paths['/scoring/evaluate'].post;
		const example = operation.requestBody.content['application/json'].example;
		const { call } = await client();
		const answer = await call('POST', '/scoring/evaluate', example);
		expect(answer.body).toEqual(operation.responses['200'].content['application/json'].example);
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/competitions', '/competitions/{id}/advance', '/competitions/{id}/step-back', '/rounds/{id}/scheme', '/rounds/{id}/scheme/copy']));
	});
});
