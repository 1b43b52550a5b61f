import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { declareConflict, declareOwnConflict } from '../../src/lib/server/judging/conflicts-service';
import { assertJudgeMayScore, recusalsForRound } from '../../src/lib/server/judging/conflicts';
import { competitionHasPanels } from '../../src/lib/server/judging/readiness';
import { inviteJudge, issueSignInCode, placeholderEmail } from '../../src/lib/server/judging/access-service';
import { linkJudgeUser } from '../../src/lib/server/judging/judge-queries';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import type { ClientToServerEvents, JudgeEntryResult, ServerToClientEvents } from '../../src/lib/realtime/events';
import { actorFor, newOrg, newUser } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { get, postForm, sessionCookie } from './http-helpers';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const sockets: Client[] = [];
afterEach(() => {
	for (const socket of sockets.splice(0)) socket.disconnect();
});

async function connect(cookie: string): Promise<Client> {
	const socket: Client = io(inject('appUrl'), { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
	sockets.push(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	return socket;
}

const askEntry = (socket: Client, payload: unknown) =>
	new Promise<JudgeEntryResult>((resolve) => (socket.emit as (event: string, payload: unknown, ack: (result: JudgeEntryResult) => void) => void)('judge:entry', payload, resolve));

const forgetCodeAttempts = () => db()`delete from sign_in_throttle where key like 'judge-code:%'`;

interface World {
	owner: OrgActor;
	round: JudgeRound;
	/** Scoring judge of the first entry's unit (stands aside for it), head judge, and a judge off the panel. */
	sameUnit: { id: string; cookie: string };
	head: { id: string; cookie: string };
	offPanel: { id: string; cookie: string };
}

async function judgeWithAccount(owner: OrgActor, competitionId: string, name: string, unit: string) {
	const judge = await addJudge(owner, competitionId, { name, unit, phone: '', specialty: '', email: null });
	const user = await newUser();
	await linkJudgeUser(db(), owner.organisation.id, judge.id, user.id);
	return { id: judge.id, userId: user.id, cookie: await sessionCookie(user.id) };
}

async function newWorld(): Promise<World> {
	const owner = await newOrg();
	const round = await seedJudgeRound(owner, { blind: true, count: 3, units: ['县第一机械厂'] });
	// Full-width letters, other spaces and case: still the same unit after normalising.
	const sameUnit = await judgeWithAccount(owner, round.competitionId, '同单位裁判', ' 县第一机械厂　');
	const head = await judgeWithAccount(owner, round.competitionId, '裁判长', '市质量技术监督局');
	const offPanel = await judgeWithAccount(owner, round.competitionId, '替补裁判', '市总工会');
	await savePanel(owner, round.roundId, [
		{ judgeId: sameUnit.id, role: 'judge' },
		{ judgeId: head.id, role: 'head' },
		{ judgeId: head.id, role: 'encryption' }
	]);
	return { owner, round, sameUnit, head, offPanel };
}

let world: World;
let other: World;
beforeAll(async () => {
	world = await newWorld();
	other = await newWorld();
});

const entryPath = (round: JudgeRound, entryId: string) => `/judge/rounds/${round.roundId}/entries/${entryId}`;

describe('conflicts of interest, enforced by the server', () => {
	it('stands a judge aside automatically for an entry of their own unit, over HTTP and the socket', async () => {
		const [own, stranger] = world.round.entries;
		const refused = await get(entryPath(world.round, own!.id), world.sameUnit.cookie);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ error: { code: 'judge_conflicted' } });
		const allowed = await get(entryPath(world.round, stranger!.id), world.sameUnit.cookie);
		expect(allowed.status).toBe(200);
		expect(await allowed.json()).toEqual({ entry: { entryId: stranger!.id, number: stranger!.number, stoodAside: false } });

		const socket = await connect(world.sameUnit.cookie);
		expect(await askEntry(socket, { roundId: world.round.roundId, entryId: own!.id })).toMatchObject({ ok: false, error: { code: 'judge_conflicted', message: expect.any(String) } });
		expect(await askEntry(socket, { roundId: world.round.roundId, entryId: stranger!.id })).toEqual({ ok: true, entry: { entryId: stranger!.id, number: stranger!.number, stoodAside: false } });
	});

	it('refuses a declared conflict the same way, and lists it with who declared it', async () => {
		const third = world.round.entries[2]!;
		expect((await get(entryPath(world.round, third.id), world.head.cookie)).status).toBe(200);
		const conflicts = await declareConflict(world.owner, world.round.roundId, { judgeId: world.head.id, entryId: third.id, kind: 'teacher_apprentice', note: '曾为其师傅' });
		expect(conflicts).toContainEqual(expect.objectContaining({ judgeId: world.head.id, entryId: third.id, reason: 'teacher_apprentice', automatic: false, note: '曾为其师傅', declaredByName: world.owner.user.displayName, declaredByJudge: false }));
		expect(conflicts).toContainEqual(expect.objectContaining({ judgeId: world.sameUnit.id, entryId: world.round.entries[0]!.id, reason: 'same_unit', automatic: true, id: null }));

		expect((await get(entryPath(world.round, third.id), world.head.cookie)).status).toBe(403);
		const socket = await connect(world.head.cookie);
		expect(await askEntry(socket, { roundId: world.round.roundId, entryId: third.id })).toMatchObject({ ok: false, error: { code: 'judge_conflicted' } });
		await expect(assertJudgeMayScore(db(), world.owner.organisation.id, { roundId: world.round.roundId, judgeId: world.head.id, entryId: third.id })).rejects.toMatchObject({ code: 'judge_conflicted' });

		const recusals = await recusalsForRound(db(), world.owner.organisation.id, world.round.roundId);
		expect(recusals).toEqual(
			expect.arrayContaining([
				{ judgeId: world.sameUnit.id, entryId: world.round.entries[0]!.id, reason: 'same_unit' },
				{ judgeId: world.head.id, entryId: third.id, reason: 'teacher_apprentice' }
			])
		);
	});

	it('lets a judge declare their own conflict, after which the entry is refused to them', async () => {
		const second = world.round.entries[1]!;
		const judge = await newWorldJudgeActor(world.sameUnit.id);
		await declareOwnConflict(judge, world.round.roundId, { entryId: second.id, kind: 'relative', note: '' });
		expect((await get(entryPath(world.round, second.id), world.sameUnit.cookie)).status).toBe(403);
		const [row] = await db()`select declared_by from judge_conflict where judge_id = ${world.sameUnit.id} and entry_id = ${second.id}`;
		expect(row!.declaredBy).toBe(judge.user.id);
		const page = await (await get(`/judge/rounds/${world.round.roundId}`, world.sameUnit.cookie)).text();
		expect(page.match(/data-testid="stood-aside"/g)?.length).toBe(2);
	});

	it('refuses a judge who is not on the panel, and another organisation’s judge', async () => {
		const entry = world.round.entries[1]!;
		const offPanel = await get(entryPath(world.round, entry.id), world.offPanel.cookie);
		expect(offPanel.status).toBe(403);
		expect(await offPanel.json()).toMatchObject({ error: { code: 'not_on_panel' } });
		const foreign = await get(entryPath(world.round, entry.id), other.head.cookie);
		expect(foreign.status).toBe(403);
		// Another organisation's entry asked for within one's own round: not in the round.
		expect((await get(entryPath(other.round, world.round.entries[1]!.id), other.head.cookie)).status).toBe(404);
		expect((await get(`/judge/rounds/${world.round.roundId}`, other.head.cookie)).status).toBe(403);
		expect((await get(entryPath(world.round, entry.id))).status).toBe(401);

		const socket = await connect(world.offPanel.cookie);
		expect(await askEntry(socket, { roundId: world.round.roundId, entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not_on_panel' } });
		const foreignSocket = await connect(other.head.cookie);
		expect(await askEntry(foreignSocket, { roundId: world.round.roundId, entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'not_on_panel' } });
	});

	it('answers malformed socket payloads with an error ack, and keeps the socket open', async () => {
		const socket = await connect(world.head.cookie);
		for (const payload of [null, 'x', 42, [], {}, { roundId: 'nope', entryId: 'nope' }, { roundId: world.round.roundId }, { roundId: world.round.roundId, entryId: world.round.entries[1]!.id, extra: 1 }]) {
			expect(await askEntry(socket, payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'validation_failed', message: expect.any(String) } });
		}
		expect(socket.connected).toBe(true);
		expect(await askEntry(socket, { roundId: world.round.roundId, entryId: world.round.entries[1]!.id })).toMatchObject({ ok: true });
	});
});

async function newWorldJudgeActor(judgeId: string) {
	const [row] = await db()`select u.id, u.email, u.display_name, u.locale, u.is_platform_admin from judge j join app_user u on u.id = j.user_id where j.id = ${judgeId}`;
	return actorFor(row as never);
}

describe('panels', () => {
	it('need exactly one head judge and judges of the same competition’s roster', async () => {
		await expect(savePanel(world.owner, world.round.roundId, [{ judgeId: world.head.id, role: 'judge' }])).rejects.toMatchObject({ code: 'panel_head_required' });
		await expect(savePanel(world.owner, world.round.roundId, [{ judgeId: other.head.id, role: 'head' }])).rejects.toMatchObject({ code: 'judge_not_in_competition' });
		const otherCompetition = await seedJudgeRound(world.owner, { count: 1 });
		const outsider = await addJudge(world.owner, otherCompetition.competitionId, { name: '别的竞赛', unit: '', phone: '', specialty: '', email: null });
		await expect(savePanel(world.owner, world.round.roundId, [{ judgeId: outsider.id, role: 'head' }])).rejects.toMatchObject({ code: 'judge_not_in_competition' });
	});

	it('count as ready for judging when every round has a head judge and a scoring judge', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { count: 1 });
		const organisationId = owner.organisation.id;
		expect(await competitionHasPanels(db(), organisationId, round.competitionId)).toBe(false);
		const a = await addJudge(owner, round.competitionId, { name: '甲', unit: '', phone: '', specialty: '', email: null });
		const b = await addJudge(owner, round.competitionId, { name: '乙', unit: '', phone: '', specialty: '', email: null });
		const rounds = await db()<{ id: string }[]>`select r.id from round r join event e on e.id = r.event_id where e.competition_id = ${round.competitionId}`;
		for (const { id } of rounds) await savePanel(owner, id, [{ judgeId: a.id, role: 'head' }]);
		expect(await competitionHasPanels(db(), organisationId, round.competitionId)).toBe(false);
		for (const { id } of rounds) await savePanel(owner, id, [{ judgeId: a.id, role: 'head' }, { judgeId: b.id, role: 'judge' }]);
		expect(await competitionHasPanels(db(), organisationId, round.competitionId)).toBe(true);
		expect(await competitionHasPanels(db(), world.owner.organisation.id, round.competitionId)).toBe(false);
	});
});

describe('one-time sign-in codes', () => {
	it('sign a judge without an account in once on a tablet, with a login-less account', async () => {
		await forgetCodeAttempts();
		const judge = await addJudge(world.owner, world.round.competitionId, { name: '平板裁判', unit: '县电力公司', phone: '13912345678', specialty: '电工', email: null });
		await savePanel(world.owner, world.round.roundId, [
			{ judgeId: world.head.id, role: 'head' },
			{ judgeId: judge.id, role: 'judge' }
		]);
		const issued = await issueSignInCode(world.owner, judge.id, inject('appUrl'));
		expect(issued.code).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{8}$/);
		expect(issued.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
		const [stored] = await db()`select code_hash from judge_sign_in_code where judge_id = ${judge.id}`;
		expect(stored!.codeHash).not.toContain(issued.code);

		// The QR code's link only fills in the field.
		expect(await (await get(`/judge/sign-in?code=${issued.code}`)).text()).toContain(issued.code);
		const typed = `${issued.code.slice(0, 4).toLowerCase()} ${issued.code.slice(4)}`;
		const response = await postForm('/judge/sign-in', { code: typed });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/judge');
		const cookie = /jiangxin_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
		const [account] = await db()`select u.email, u.password_hash from judge j join app_user u on u.id = j.user_id where j.id = ${judge.id}`;
		expect(account!.email).toBe(placeholderEmail(judge.id));
		expect(account!.passwordHash).not.toMatch(/^\$argon2/);
		const home = await (await get('/judge', cookie)).text();
		expect(home).toContain(`href="/judge/rounds/${world.round.roundId}"`);

		const again = await postForm('/judge/sign-in', { code: issued.code });
		expect(again.status).toBe(400);
		// No password signs in to the login-less account.
		const password = await postForm('/login', { email: placeholderEmail(judge.id), password: '!login-less-judge!' });
		expect(password.status).toBe(400);
		await forgetCodeAttempts();
	});

	it('are refused after a new code replaces them, and throttled per address', async () => {
		await forgetCodeAttempts();
		const judge = await addJudge(world.owner, world.round.competitionId, { name: '换码裁判', unit: '', phone: '', specialty: '', email: null });
		const first = await issueSignInCode(world.owner, judge.id, inject('appUrl'));
		await issueSignInCode(world.owner, judge.id, inject('appUrl'));
		expect((await postForm('/judge/sign-in', { code: first.code })).status).toBe(400);
		await db()`insert into sign_in_throttle (key, failures, window_started_at, locked_until) values ('judge-code:127.0.0.1', 20, now(), now() + interval '15 minutes'), ('judge-code:::1', 20, now(), now() + interval '15 minutes'), ('judge-code:::ffff:127.0.0.1', 20, now(), now() + interval '15 minutes') on conflict (key) do update set locked_until = excluded.locked_until`;
		expect((await postForm('/judge/sign-in', { code: 'ABCDEFGH' })).status).toBe(429);
		await forgetCodeAttempts();
	});
});

describe('the judges API', () => {
	let token: string;
	let foreignToken: string;
	beforeAll(async () => {
		token = (await createApiToken(world.owner, 'judges api')).token;
		foreignToken = (await createApiToken(other.owner, 'judges api')).token;
	});
	const api = (method: string, path: string, body?: unknown, bearer = token) =>
		fetch(`${inject('appUrl')}/api/v1${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } });

	it('manages the roster, panels and conflicts, and issues codes and invitations once', async () => {
		const created = await api('POST', `/competitions/${world.round.competitionId}/judges`, { name: '李评委', unit: 'ＡＢＣ 公司', phone: '138 1234 5678', specialty: '钳工', email: 'Li@Example.test' });
		expect(created.status).toBe(201);
		const judge = await created.json();
		expect(judge).toMatchObject({ name: '李评委', phone: '13812345678', email: 'li@example.test', hasAccount: false });
		expect((await (await api('GET', `/competitions/${world.round.competitionId}/judges`)).json()).judges.map((row: { id: string }) => row.id)).toContain(judge.id);
		expect(await (await api('PATCH', `/judges/${judge.id}`, { name: '李评委', unit: 'ABC 公司', phone: '', specialty: '钳工' })).json()).toMatchObject({ unit: 'ABC 公司', phone: '', email: null });

		const code = await api('POST', `/judges/${judge.id}/sign-in-code`);
		expect(code.status).toBe(201);
		expect(await code.json()).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{8}$/), signInUrl: expect.stringContaining('/judge/sign-in?code=') });
		const invitation = await (await api('POST', `/judges/${judge.id}/invitation`)).json();
		expect(invitation.url).toMatch(/\/judge-invitations\/[a-z2-7]{32}$/);

		const panel = await api('PUT', `/rounds/${world.round.roundId}/panel`, { members: [{ judgeId: judge.id, role: 'head' }, { judgeId: world.head.id, role: 'judge' }] });
		expect(panel.status).toBe(200);
		expect((await (await api('GET', `/rounds/${world.round.roundId}/panel`)).json()).members).toEqual(
			expect.arrayContaining([{ judgeId: judge.id, name: '李评委', role: 'head' }, { judgeId: world.head.id, name: '裁判长', role: 'judge' }])
		);
		const badPanel = await api('PUT', `/rounds/${world.round.roundId}/panel`, { members: [{ judgeId: judge.id, role: 'judge' }] });
		expect(badPanel.status).toBe(400);
		expect(await badPanel.json()).toMatchObject({ error: { code: 'panel_head_required' } });

		const declared = await api('POST', `/rounds/${world.round.roundId}/conflicts`, { judgeId: judge.id, entryId: world.round.entries[1]!.id, kind: 'other', note: '同一协会' });
		expect(declared.status).toBe(201);
		const listed = (await (await api('GET', `/rounds/${world.round.roundId}/conflicts`)).json()).conflicts as { id: string | null; judgeId: string; declaredBy: string | null; declaredAt: string | null }[];
		const mine = listed.find((row) => row.judgeId === judge.id)!;
		expect(mine).toMatchObject({ declaredBy: world.owner.user.displayName, declaredAt: expect.any(String) });
		expect((await api('DELETE', `/conflicts/${mine.id}`)).status).toBe(204);
		expect((await (await api('GET', `/rounds/${world.round.roundId}/conflicts`)).json()).conflicts.some((row: { judgeId: string }) => row.judgeId === judge.id)).toBe(false);
		const notInRound = await api('POST', `/rounds/${world.round.roundId}/conflicts`, { judgeId: judge.id, entryId: other.round.entries[0]!.id, kind: 'other', note: '' });
		expect(notInRound.status).toBe(400);

		const audit = await db()`select action, before, after from audit_log where organisation_id = ${world.owner.organisation.id} and subject_id = ${judge.id} order by created_at`;
		expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['judge.created', 'judge.updated', 'judge.sign_in_code_issued', 'judge.invited']));
		expect(JSON.stringify(audit)).not.toContain('13812345678');

		expect((await api('DELETE', `/judges/${judge.id}`)).status).toBe(204);
	});

	it('answers 404 for another organisation’s competition, judge, round and conflict', async () => {
		const [conflict] = await db()<{ id: string }[]>`select id from judge_conflict where organisation_id = ${world.owner.organisation.id} limit 1`;
		const cases: [string, string, unknown?][] = [
			['GET', `/competitions/${world.round.competitionId}/judges`],
			['POST', `/competitions/${world.round.competitionId}/judges`, { name: '入侵者' }],
			['GET', `/judges/${world.head.id}`],
			['PATCH', `/judges/${world.head.id}`, { name: '改名' }],
			['DELETE', `/judges/${world.head.id}`],
			['POST', `/judges/${world.head.id}/sign-in-code`],
			['POST', `/judges/${world.head.id}/invitation`],
			['GET', `/rounds/${world.round.roundId}/panel`],
			['PUT', `/rounds/${world.round.roundId}/panel`, { members: [] }],
			['GET', `/rounds/${world.round.roundId}/conflicts`],
			['POST', `/rounds/${world.round.roundId}/conflicts`, { judgeId: other.head.id, entryId: world.round.entries[0]!.id, kind: 'other' }],
			['DELETE', `/conflicts/${conflict!.id}`]
		];
		for (const [method, path, body] of cases) {
			const response = await api(method, path, body, foreignToken);
			expect(`${method} ${path} → ${response.status}`).toBe(`${method} ${path} → 404`);
		}
		expect((await api('GET', `/judges/${world.head.id}`)).status).toBe(200);
		expect((await api('GET', `/rounds/${world.round.roundId}/panel`)).status).toBe(200);
	});

	it('hides the organiser pages of another organisation’s competition and round', async () => {
		const cookie = await sessionCookie(other.owner.user.id);
		const slug = other.owner.organisation.slug;
		for (const path of [
			`/orgs/${slug}/competitions/${world.round.competitionId}/judges`,
			`/orgs/${slug}/competitions/${world.round.competitionId}/judges/cards`,
			`/orgs/${slug}/competitions/${other.round.competitionId}/judges/rounds/${world.round.roundId}`,
			`/orgs/${slug}/competitions/${world.round.competitionId}/judges/rounds/${other.round.roundId}`
		]) {
			expect((await get(path, cookie)).status, path).toBe(404);
		}
		expect((await get(`/orgs/${slug}/competitions/${other.round.competitionId}/judges/rounds/${other.round.roundId}`, cookie)).status).toBe(200);
	});
});

describe('judge invitations', () => {
	it('attach a new account to the judge', async () => {
		const fresh = await addJudge(world.owner, world.round.competitionId, { name: '受邀裁判', unit: '', phone: '', specialty: '', email: null });
		const invitation = await inviteJudge(world.owner, fresh.id);
		const page = await get(`/judge-invitations/${invitation.token}`);
		expect(await page.text()).toContain('受邀裁判');
		const email = `judge-${crypto.randomUUID().slice(0, 8)}@example.test`;
		const response = await postForm(`/judge-invitations/${invitation.token}?/createAccount`, { displayName: '受邀裁判', email, password: 'correct horse battery' });
		expect(response.status).toBe(303);
		const [row] = await db()`select u.email from judge j join app_user u on u.id = j.user_id where j.id = ${fresh.id}`;
		expect(row!.email).toBe(email);
		expect((await get(`/judge-invitations/${invitation.token}`)).status).toBe(404);
	});

	it('refuse an account that already judges the competition', async () => {
		const invitation = await inviteJudge(world.owner, world.offPanel.id);
		const [head] = await db()<{ userId: string }[]>`select user_id from judge where id = ${world.head.id}`;
		const response = await fetch(`${inject('appUrl')}/judge-invitations/${invitation.token}?/accept`, {
			method: 'POST',
			body: new URLSearchParams(),
			headers: { origin: inject('appUrl'), accept: 'application/json', 'x-sveltekit-action': 'true', cookie: await sessionCookie(head!.userId) }
		});
		expect((await response.json()).status).toBe(409);
	});
});
