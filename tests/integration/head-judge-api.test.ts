import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RoundChanged } from '../../src/lib/realtime/events';
import { db } from '../../src/lib/server/db/client';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { linkJudgeUser } from '../../src/lib/server/judging/judge-queries';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { joinOrg, newOrg } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { insertDevice, seedPanel, type PanelJudge } from '../fixtures/live-judging';
import { connect, type Client } from '../fixtures/sheets';
import { sessionCookie } from './http-helpers';

// A head judge (裁判长) holds no API token (tokens are managers' only), so the desk's API operations
// take their signed-in session: allowed on their own round, refused (403) on another round of the
// organisation, and another organisation's round does not exist (404). Changes only from this site.

interface World {
	owner: OrgActor;
	/** Round A: its head judge is a judge account that is no member of the organisation. */
	a: JudgeRound;
	aJudges: PanelJudge[];
	aCookie: string;
	/** Round B (same organisation): its head judge is a member (a contestant by role), so the entered-values desk is theirs too. */
	b: JudgeRound;
	bJudgeId: string;
	bCookie: string;
	foreign: JudgeRound;
}

let world: World;
const sockets: Client[] = [];
afterAll(() => sockets.forEach((socket) => socket.disconnect()));

beforeAll(async () => {
	const owner = await newOrg();
	const a = await seedJudgeRound(owner, { count: 2 });
	const aJudges = await seedPanel(owner, a, 2);
	const b = await seedJudgeRound(owner, { count: 1 });
	const member = await joinOrg(owner, 'contestant');
	const bHead = await addJudge(owner, b.competitionId, { name: '乙轮裁判长', unit: '乙厂', phone: '', specialty: '', email: null });
	const bJudge = await addJudge(owner, b.competitionId, { name: '乙轮评委', unit: '丙厂', phone: '', specialty: '', email: null });
	await linkJudgeUser(db(), owner.organisation.id, bHead.id, member.user.id);
	await savePanel(owner, b.roundId, [{ judgeId: bJudge.id, role: 'judge' }, { judgeId: bHead.id, role: 'head' }]);
	const foreign = await seedJudgeRound(await newOrg(), { count: 1 });
	world = { owner, a, aJudges, aCookie: await sessionCookie(aJudges[0]!.user.id), b, bJudgeId: bJudge.id, bCookie: await sessionCookie(member.user.id), foreign };
}, 60_000);

function call(cookie: string, method: string, path: string, body?: unknown, sameOrigin = true): Promise<Response> {
	const app = inject('appUrl');
	return fetch(`${app}/api/v1${path}`, {
		method,
		headers: { cookie, ...(sameOrigin ? { origin: app } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

const statusOf = async (label: string, response: Promise<Response>) => `${label} ${(await response).status}`;

describe('the head judge on the API with their session', () => {
	it('reads the matrix, devices and provisional results of their own round', async () => {
		const round = world.a.roundId;
		const matrix = await call(world.aCookie, 'GET', `/rounds/${round}/matrix`);
		expect(matrix.status).toBe(200);
		const body = (await matrix.json()) as { round: { id: string }; judges: { judgeId: string }[] };
		expect(body.judges.map((judge) => judge.judgeId).sort()).toEqual(world.aJudges.map((judge) => judge.judgeId).sort());
		expect(await statusOf('devices', call(world.aCookie, 'GET', `/rounds/${round}/devices`))).toBe('devices 200');
		// Not signed off yet: the results are refused for that reason, not for who asks.
		expect(await statusOf('provisional', call(world.aCookie, 'GET', `/rounds/${round}/provisional-results`))).toBe('provisional 409');
	});

	it('marks an absence and returns a sheet on their round, audited as themselves; not from another site', async () => {
		const round = world.a.roundId;
		const absence = { judgeId: world.aJudges[1]!.judgeId, entryId: world.a.entries[0]!.id, reason: '临时离场' };
		expect(await statusOf('cross-site', call(world.aCookie, 'POST', `/rounds/${round}/absences`, absence, false))).toBe('cross-site 403');
		expect(await db()`select 1 from judge_absence where round_id = ${round}`).toHaveLength(0);
		expect(await statusOf('absence', call(world.aCookie, 'POST', `/rounds/${round}/absences`, absence))).toBe('absence 201');
		const [audit] = await db()<{ actorUserId: string }[]>`
			select actor_user_id from audit_log where organisation_id = ${world.owner.organisation.id} and action like '%absen%' order by created_at desc limit 1`;
		expect(audit?.actorUserId).toBe(world.aJudges[0]!.user.id);
		expect(await statusOf('clear', call(world.aCookie, 'DELETE', `/rounds/${round}/absences?judgeId=${absence.judgeId}&entryId=${absence.entryId}`))).toBe('clear 204');
	});

	it('revokes a tablet of their panel, and finds none of another round’s', async () => {
		const own = await insertDevice(world.owner, world.aJudges[1]!.judgeId, null);
		const other = await insertDevice(world.owner, world.bJudgeId, null);
		expect(await statusOf('own', call(world.aCookie, 'POST', `/devices/${own}/revoke`))).toBe('own 200');
		expect(await statusOf('other', call(world.aCookie, 'POST', `/devices/${other}/revoke`))).toBe('other 404');
		const [row] = await db()<{ revokedAt: Date | null }[]>`select revoked_at from judge_device where id = ${other}`;
		expect(row!.revokedAt).toBeNull();
	});

	it('is refused (403) on another round of the organisation and finds nothing (404) of another organisation', async () => {
		for (const path of ['matrix', 'devices', 'provisional-results']) {
			expect(await statusOf(path, call(world.aCookie, 'GET', `/rounds/${world.b.roundId}/${path}`))).toBe(`${path} 403`);
			expect(await statusOf(path, call(world.aCookie, 'GET', `/rounds/${world.foreign.roundId}/${path}`))).toBe(`${path} 404`);
		}
		expect(await statusOf('sign-off', call(world.aCookie, 'POST', `/rounds/${world.b.roundId}/sign-off`))).toBe('sign-off 403');
		expect(await statusOf('sign-off', call(world.aCookie, 'POST', `/rounds/${world.foreign.roundId}/sign-off`))).toBe('sign-off 404');
		const [round] = await db()<{ scoresLockedAt: Date | null }[]>`select scores_locked_at from round where id = ${world.b.roundId}`;
		expect(round!.scoresLockedAt).toBeNull();
	});

	it('uses the entered-values and deduction desks as the desk pages do: a member head judge on their round only', async () => {
		expect(await statusOf('entered', call(world.bCookie, 'GET', `/rounds/${world.b.roundId}/entered-values`))).toBe('entered 200');
		expect(await statusOf('deductions', call(world.bCookie, 'GET', `/rounds/${world.b.roundId}/deduction-counts`))).toBe('deductions 200');
		expect(await statusOf('other round', call(world.bCookie, 'GET', `/rounds/${world.a.roundId}/entered-values`))).toBe('other round 403');
		expect(await statusOf('foreign', call(world.bCookie, 'GET', `/rounds/${world.foreign.roundId}/entered-values`))).toBe('foreign 404');
		// A head judge who is no member has no desk pages for entered values, and no API for them either.
		expect(await statusOf('non-member', call(world.aCookie, 'GET', `/rounds/${world.a.roundId}/entered-values`))).toBe('non-member 403');
		// Without a session or token, nothing.
		expect(await statusOf('anonymous', call('', 'GET', `/rounds/${world.a.roundId}/matrix`))).toBe('anonymous 401');
	});
});

describe('round:changed says what changed (kind)', () => {
	it('names an absence with its judge and entry, an entered value with its entry only (no empty judge), a revoked tablet with neither', async () => {
		const head = await connect(inject('appUrl'), world.bCookie);
		sockets.push(head);
		expect(await head.timeout(5000).emitWithAck('room:join', { room: `round:${world.b.roundId}` })).toEqual({ ok: true });
		const changes: RoundChanged[] = [];
		head.on('round:changed', (change) => changes.push(change));
		const entryId = world.b.entries[0]!.id;
		expect(await statusOf('absence', call(world.bCookie, 'POST', `/rounds/${world.b.roundId}/absences`, { judgeId: world.bJudgeId, entryId, reason: '回避' }))).toBe('absence 201');
		await expect.poll(() => changes).toEqual([{ roundId: world.b.roundId, kind: 'absence', entryId, judgeId: world.bJudgeId, status: 'draft', version: 0 }]);
		const number = (await db()<{ number: number }[]>`select number from round_entry where round_id = ${world.b.roundId} and entry_id = ${entryId}`)[0]!.number;
		expect(await statusOf('import', call(world.bCookie, 'POST', `/rounds/${world.b.roundId}/entered-values/import`, { rows: [{ number, values: { theory: 8000 } }] }))).toBe('import 200');
		await expect.poll(() => changes.length).toBe(2);
		expect(changes[1]).toEqual({ roundId: world.b.roundId, kind: 'entered', entryId });
		const device = await insertDevice(world.owner, world.bJudgeId, null);
		const cookie = await sessionCookie(world.owner.user.id);
		const revoked = await fetch(`${inject('appUrl')}/orgs/${world.owner.organisation.slug}/competitions/${world.b.competitionId}/rounds/${world.b.roundId}/devices?/revoke`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ deviceId: device }),
			headers: { origin: inject('appUrl'), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie }
		});
		expect(revoked.status).toBe(200);
		await expect.poll(() => changes.length).toBe(3);
		expect(changes[2]).toEqual({ roundId: world.b.roundId, kind: 'device' });
	});
});
