import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { declareConflict, declareOwnConflict } from '../../src/lib/server/judging/conflicts-service';
import { linkJudgeUser } from '../../src/lib/server/judging/judge-queries';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import type { UserRow } from '../../src/lib/server/auth/user-queries';
import { actorFor, newOrg, newUser } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { get, sessionCookie } from './http-helpers';
import type { ClientToServerEvents, JudgeEntryResult, ServerToClientEvents } from '../../src/lib/realtime/events';

// What judges do themselves, with accounts that need not be members of the organisation (code-only
// accounts): the round's encryption judges run the draw and open the sealed decoding table under
// /judge, and any judge withdraws a conflict they declared themselves — never one an organiser declared.

interface Judge {
	id: string;
	userId: string;
	user: UserRow;
	cookie: string;
}

async function judgeWithAccount(owner: OrgActor, competitionId: string, name: string): Promise<Judge> {
	const judge = await addJudge(owner, competitionId, { name, unit: '市质量技术监督局', phone: '', specialty: '', email: null });
	const user = await newUser({ displayName: name });
	await linkJudgeUser(db(), owner.organisation.id, judge.id, user.id);
	return { id: judge.id, userId: user.id, user, cookie: await sessionCookie(user.id) };
}

/** A form action as use:enhance posts it: the answer is SvelteKit's JSON ({ type, status, data }). */
async function action(path: string, fields: Record<string, string>, cookie: string) {
	const response = await fetch(`${inject('appUrl')}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { origin: inject('appUrl'), accept: 'application/json', 'x-sveltekit-action': 'true', cookie }
	});
	const text = await response.text();
	return { text, status: response.status, body: JSON.parse(text) as { type: string; status?: number } };
}

let owner: OrgActor;
let round: JudgeRound;
let encryption: Judge;
let scorer: Judge;
beforeAll(async () => {
	owner = await newOrg();
	round = await seedJudgeRound(owner, { blind: true, count: 3 });
	encryption = await judgeWithAccount(owner, round.competitionId, '加密裁判甲');
	scorer = await judgeWithAccount(owner, round.competitionId, '评分裁判乙');
	await savePanel(owner, round.roundId, [
		{ judgeId: scorer.id, role: 'head' },
		{ judgeId: scorer.id, role: 'judge' },
		{ judgeId: encryption.id, role: 'encryption' }
	]);
});

describe('an encryption judge who is not a member of the organisation', () => {
	it('reaches the round’s draw from the judge pages, runs a stage and opens the sealed decoding table, audited', async () => {
		const memberships = await db()`select 1 from membership where user_id = ${encryption.userId}`;
		expect(memberships).toHaveLength(0);
		expect(await (await get(`/judge/rounds/${round.roundId}`, encryption.cookie)).text()).toContain(`href="/judge/rounds/${round.roundId}/draw"`);
		const page = await get(`/judge/rounds/${round.roundId}/draw`, encryption.cookie);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="stage-1"');
		for (const entry of round.entries) expect(html).not.toContain(entry.name);

		const path = `/judge/rounds/${round.roundId}/draw`;
		// The fixture numbers the entries already; stage 1 is what numbers them (a swap would hit the unique index).
		await db()`update round_entry set number = null where round_id = ${round.roundId}`;
		for (const step of ['commit', 'run', 'reveal']) {
			const answer = await action(`${path}?/${step}`, { stage: '1' }, encryption.cookie);
			expect(answer.body.type, `${step}: ${answer.status} ${answer.text}`).toBe('success');
		}
		const [draw] = await db()<{ ranAt: Date | null; seed: string | null }[]>`select ran_at, seed from draw where round_id = ${round.roundId} and stage = 1`;
		expect(draw!.ranAt).not.toBeNull();
		expect(draw!.seed).toMatch(/^[0-9a-f]{64}$/);

		// The table is sealed (the scores are not locked), and the round's encryption judge may open it.
		const opened = await action(`${path}?/open`, { formId: 'open' }, encryption.cookie);
		expect(opened.body.type).toBe('success');
		for (const entry of round.entries) expect(opened.text).toContain(entry.name);
		const audit = await db()<{ action: string }[]>`
			select action from audit_log where organisation_id = ${owner.organisation.id} and subject_id = ${round.roundId} and actor_user_id = ${encryption.userId} order by id`;
		expect(audit.map((row) => row.action)).toEqual(['draw.committed', 'draw.ran', 'draw.revealed', 'draw.decoding_table_opened']);
	});

	it('is the only judge let in: a scoring judge and someone off the panel are refused, and see no names', async () => {
		expect((await get(`/judge/rounds/${round.roundId}/draw`, scorer.cookie)).status).toBe(403);
		const refused = await action(`/judge/rounds/${round.roundId}/draw?/open`, { formId: 'open' }, scorer.cookie);
		expect([refused.status, refused.body.type]).toEqual([403, 'error']);
		for (const entry of round.entries) expect(refused.text).not.toContain(entry.name);
		const commit = await action(`/judge/rounds/${round.roundId}/draw?/commit`, { stage: '2' }, scorer.cookie);
		expect([commit.status, commit.body.type]).toEqual([403, 'error']);
		const stranger = await sessionCookie((await newUser()).id);
		expect((await get(`/judge/rounds/${round.roundId}/draw`, stranger)).status).toBe(403);
		const otherRound = await seedJudgeRound(await newOrg(), { count: 1 });
		expect((await get(`/judge/rounds/${otherRound.roundId}/draw`, encryption.cookie)).status).toBe(403);
		expect(await db()`select 1 from draw where round_id = ${round.roundId} and stage = 2`).toHaveLength(0);
	});
});

describe('a judge withdraws a conflict they declared themselves', () => {
	it('on the judge’s round page: their own only, audited; an organiser’s declaration stays', async () => {
		const [first, second] = round.entries;
		await declareOwnConflict(actorFor(scorer.user), round.roundId, { entryId: first!.id, kind: 'relative', note: '表亲' });
		await declareConflict(owner, round.roundId, { judgeId: scorer.id, entryId: second!.id, kind: 'same_employer', note: '' });
		const conflicts = await db()<{ id: string; entryId: string }[]>`select id, entry_id from judge_conflict where judge_id = ${scorer.id}`;
		const own = conflicts.find((row) => row.entryId === first!.id)!;
		const organisers = conflicts.find((row) => row.entryId === second!.id)!;

		const page = await (await get(`/judge/rounds/${round.roundId}`, scorer.cookie)).text();
		expect(page).toContain('data-testid="own-conflict"');
		expect(page).toContain(`value="${own.id}"`);
		expect(page).not.toContain(`value="${organisers.id}"`);

		const notYours = await action(`/judge/rounds/${round.roundId}?/withdraw`, { conflictId: organisers.id }, scorer.cookie);
		expect(notYours.body).toMatchObject({ type: 'failure', status: 403 });
		expect(notYours.text).toContain('只能撤销自己申报的回避');
		// Another judge cannot withdraw it either (not theirs: not found for them).
		expect((await action(`/judge/rounds/${round.roundId}?/withdraw`, { conflictId: own.id }, encryption.cookie)).body).toMatchObject({ type: 'failure', status: 404 });

		expect((await action(`/judge/rounds/${round.roundId}?/withdraw`, { conflictId: own.id }, scorer.cookie)).body.type).toBe('success');
		expect((await db()`select id from judge_conflict where judge_id = ${scorer.id}`).map((row) => row.id)).toEqual([organisers.id]);
		const [audit] = await db()<{ actorUserId: string; subjectLabel: string; before: { kind: string } }[]>`
			select actor_user_id, subject_label, before from audit_log where subject_id = ${own.id} and action = 'conflict.removed'`;
		expect(audit).toMatchObject({ actorUserId: scorer.userId, subjectLabel: '评分裁判乙', before: { kind: 'relative' } });
	});

	it('over the judges’ JSON interface: DELETE their own declaration (204), not an organiser’s (403) nor another judge’s (404)', async () => {
		const third = round.entries[2]!;
		await declareOwnConflict(actorFor(encryption.user), round.roundId, { entryId: third.id, kind: 'other', note: '' });
		await declareConflict(owner, round.roundId, { judgeId: encryption.id, entryId: round.entries[0]!.id, kind: 'other', note: '' });
		const rows = await db()<{ id: string; entryId: string }[]>`select id, entry_id from judge_conflict where judge_id = ${encryption.id}`;
		const mine = rows.find((row) => row.entryId === third.id)!;
		const theirs = rows.find((row) => row.entryId !== third.id)!;
		const remove = (id: string, cookie: string) => fetch(`${inject('appUrl')}/judge/rounds/${round.roundId}/conflicts/${id}`, { method: 'DELETE', headers: { cookie } });

		const refused = await remove(theirs.id, encryption.cookie);
		expect(refused.status).toBe(403);
		expect((await refused.json()).error.code).toBe('conflict_not_yours');
		expect((await remove(mine.id, scorer.cookie)).status).toBe(404);
		expect((await remove(mine.id, '')).status).toBe(401);
		expect((await remove(mine.id, encryption.cookie)).status).toBe(204);
		expect((await remove(mine.id, encryption.cookie)).status).toBe(404);
		expect((await db()`select id from judge_conflict where judge_id = ${encryption.id}`).map((row) => row.id)).toEqual([theirs.id]);
		const audit = await db()<{ actorUserId: string }[]>`select actor_user_id from audit_log where subject_id = ${mine.id} and action = 'conflict.removed'`;
		expect(audit.map((row) => row.actorUserId)).toEqual([encryption.userId]);
	});
});

describe('the judge:entry socket answers in the judge’s own language', () => {
	const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
	afterAll(() => sockets.forEach((socket) => socket.disconnect()));

	async function ask(cookie: string, entryId: string): Promise<JudgeEntryResult> {
		const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(inject('appUrl'), { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
		sockets.push(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', reject);
		});
		return new Promise((resolve) => (socket.emit as (event: string, payload: unknown, ack: (result: JudgeEntryResult) => void) => void)('judge:entry', { roundId: round.roundId, entryId }, resolve));
	}

	it('English for an account set to English, Chinese for one set to Chinese or to nothing', async () => {
		// The scorer stands aside for the second entry (an organiser declared it above).
		const aside = round.entries[1]!.id;
		await db()`update app_user set locale = 'en' where id = ${scorer.userId}`;
		expect(await ask(scorer.cookie, aside)).toEqual({ ok: false, error: { code: 'judge_conflicted', message: 'This judge has a conflict of interest with this entry and stands aside' } });
		expect(await ask(scorer.cookie, 'not an id')).toMatchObject({ ok: false, error: { code: 'validation_failed', message: expect.stringMatching(/^[\x20-\x7e]+$/) } });
		await db()`update app_user set locale = 'zh-CN' where id = ${scorer.userId}`;
		expect(await ask(scorer.cookie, aside)).toMatchObject({ error: { message: '该裁判与此参赛者存在利益冲突，须回避' } });
		await db()`update app_user set locale = null where id = ${scorer.userId}`;
		expect(await ask(scorer.cookie, aside)).toMatchObject({ error: { message: '该裁判与此参赛者存在利益冲突，须回避' } });
	});
});
