import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { getCompetitionOverview } from '../../src/lib/server/competitions/competition-service';
import { competitionHasDraw } from '../../src/lib/server/draw/readiness';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { drawOrder as independentDrawOrder } from '../../scripts/verify-draw.mjs';
import { joinOrg, newOrg } from '../fixtures/factories';
import { newCompetitionFromTemplate, seedStatus } from '../fixtures/competitions';
import { seedApprovedEntries, type SeededEntry } from '../fixtures/entries';
import { sessionCookie } from './http-helpers';

const run = promisify(execFile);

interface Contest {
	owner: OrgActor;
	organiser: OrgActor;
	judge: OrgActor;
	slug: string;
	competitionId: string;
	roundId: string;
	entries: SeededEntry[];
	others: SeededEntry[];
	ownerApi: ReturnType<typeof apiAs>;
	organiserApi: ReturnType<typeof apiAs>;
}

function apiAs(token: string) {
	return async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${inject('appUrl')}/api/v1${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: response.status, body: await response.json() };
	};
}

/** A skills contest in screening with six approved entries (and two that are not), an organiser and an encryption judge. */
async function newContest(): Promise<Contest> {
	const owner = await newOrg();
	const organiser = await joinOrg(owner, 'organiser');
	const judge = await joinOrg(owner, 'contestant');
	const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
	const [event] = (await getCompetitionOverview(owner, competition.id)).events;
	const roundId = event!.rounds[0]!.id;
	const organisationId = owner.organisation.id;
	const where = { organisationId, competitionId: competition.id, eventId: event!.id };
	const entries = await seedApprovedEntries(db(), { ...where, count: 6 });
	const others = [...(await seedApprovedEntries(db(), { ...where, count: 1, status: 'submitted' })), ...(await seedApprovedEntries(db(), { ...where, count: 1, status: 'rejected' }))];
	const [judgeRow] = await db()<{ id: string }[]>`
		insert into judge (organisation_id, competition_id, user_id, name) values (${organisationId}, ${competition.id}, ${judge.user.id}, '加密裁判') returning id`;
	await db()`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judgeRow!.id}, 'encryption')`;
	await seedStatus(owner, competition.id, 'screening');
	return {
		owner,
		organiser,
		judge,
		slug: competition.slug,
		competitionId: competition.id,
		roundId,
		entries,
		others,
		ownerApi: apiAs((await createApiToken(owner, '抽签')).token),
		organiserApi: apiAs((await createApiToken(organiser, '抽签')).token)
	};
}

const sha256 = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');

async function roundEntries(roundId: string) {
	return db()<{ entryId: string; number: number | null; runningOrder: number | null; station: string | null }[]>`
		select entry_id, number, running_order, station from round_entry where round_id = ${roundId} order by entry_id`;
}

/** Nothing that names a person: no name, unit, phone or ID number (full or masked). */
function expectNoPersonalData(text: string, entries: SeededEntry[]) {
	for (const entry of entries) {
		for (const secret of [entry.name, entry.unit, entry.phone, entry.idNumber, `${entry.idNumber.slice(0, 6)}********${entry.idNumber.slice(-4)}`]) {
			expect(text, `leaks ${secret}`).not.toContain(secret);
		}
	}
}

describe('the draw over HTTP', () => {
	let contest: Contest;
	beforeAll(async () => {
		contest = await newContest();
	});

	it('commits, runs, reveals and verifies stage 1 and stage 2; anyone can recompute it', async () => {
		const { ownerApi, roundId, entries } = contest;
		const approvedIds = entries.map((entry) => entry.id).sort();
		expect(await competitionHasDraw(db(), contest.owner.organisation.id, contest.competitionId)).toBe(false);

		const committed = await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 1 });
		expect(committed.status).toBe(201);
		expect(committed.body).toMatchObject({ stage: 1, entryCount: 6, ranAt: null, seed: null });
		expect(committed.body.entriesDigest).toBe(createHash('sha256').update(approvedIds.join('\n')).digest('hex'));
		const publicBefore = await (await fetch(`${inject('appUrl')}/c/${contest.slug}/draw.json`)).json();
		expect(publicBefore.rounds[0].stages[0]).toMatchObject({ commitment: committed.body.commitment, seed: null, result: null, entryIds: approvedIds });

		expect((await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 1 })).status).toBe(200);
		const afterRun = await ownerApi('GET', `/rounds/${roundId}/draw`);
		expect(afterRun.body.stages[0].seed).toBeNull();
		expect(afterRun.body.numbers.map((row: { number: number }) => row.number).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
		// Only approved entries are drawn.
		expect(afterRun.body.numbers.map((row: { entryId: string }) => row.entryId).sort()).toEqual(approvedIds);
		expect(await competitionHasDraw(db(), contest.owner.organisation.id, contest.competitionId)).toBe(true);

		const revealed = await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 1 });
		expect(revealed.status).toBe(200);
		const seed = revealed.body.seed as string;
		expect(sha256(seed)).toBe(committed.body.commitment);
		const order: string[] = independentDrawOrder(seed, [...approvedIds].reverse());
		const numbers = await roundEntries(roundId);
		for (const row of numbers) expect(row.number).toBe(order.indexOf(row.entryId) + 1);

		const tooFew = await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 2, stationLabels: ['A01', 'A02'] });
		expect(tooFew).toMatchObject({ status: 400, body: { error: { code: 'draw_stations_too_few' } } });
		const labels = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'];
		expect((await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 2, stationLabels: labels })).status).toBe(201);
		expect((await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 2 })).status).toBe(200);
		const seed2 = (await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 2 })).body.seed as string;
		const order2: string[] = independentDrawOrder(seed2, approvedIds);
		for (const row of await roundEntries(roundId)) {
			expect(row.runningOrder).toBe(order2.indexOf(row.entryId) + 1);
			expect(row.station).toBe(labels[order2.indexOf(row.entryId)]);
		}

		const verified = await ownerApi('GET', `/rounds/${roundId}/draw/verify`);
		expect(verified.body).toMatchObject({ matches: true, stages: [{ stage: 1, matches: true }, { stage: 2, matches: true }] });

		// The standalone script, reading the public JSON over HTTP.
		const url = `${inject('appUrl')}/c/${contest.slug}/draw.json`;
		const ok = await run('node', ['scripts/verify-draw.mjs', seed2, sha256(seed2), url]);
		expect(ok.stdout).toContain('the published result recomputes exactly');
		const tampered = seed2.replace(/^./, seed2[0] === '0' ? '1' : '0');
		await expect(run('node', ['scripts/verify-draw.mjs', tampered, sha256(seed2), url])).rejects.toMatchObject({ code: 1 });
	});

	it('refuses replays, re-runs, stages out of order and revealing marking numbers before the scores are locked', async () => {
		const { ownerApi, roundId } = contest;
		const again = await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 1 });
		expect(again).toMatchObject({ status: 409, body: { error: { code: 'draw_stage_committed' } } });
		expect(await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 1 })).toMatchObject({ status: 409, body: { error: { code: 'draw_already_run' } } });
		expect(await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 2 })).toMatchObject({ status: 409, body: { error: { code: 'draw_already_revealed' } } });
		expect(await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 3 })).toMatchObject({ status: 409, body: { error: { code: 'draw_not_committed' } } });
		expect((await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 3 })).status).toBe(201);
		expect((await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 3 })).status).toBe(200);
		expect(await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 3 })).toMatchObject({ status: 409, body: { error: { code: 'draw_reveal_before_lock' } } });
		// Marking numbers stay off the public page until then.
		const publicDraw = await (await fetch(`${inject('appUrl')}/c/${contest.slug}/draw.json`)).json();
		expect(publicDraw.rounds[0].stages[2]).toMatchObject({ stage: 3, result: null, seed: null });
		expect(await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 7 })).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });

		const fresh = await newContest();
		expect(await fresh.ownerApi('POST', `/rounds/${fresh.roundId}/draw/commit`, { stage: 2 })).toMatchObject({ status: 409, body: { error: { code: 'draw_previous_stage_not_run' } } });
		expect(await fresh.ownerApi('POST', `/rounds/${fresh.roundId}/draw/reveal`, { stage: 1 })).toMatchObject({ status: 409, body: { error: { code: 'draw_not_committed' } } });
	});

	it('fails verification when a seed or a recorded number is tampered with', async () => {
		const fresh = await newContest();
		const { ownerApi, roundId } = fresh;
		await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 1 });
		await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 1 });
		await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 1 });
		expect((await ownerApi('GET', `/rounds/${roundId}/draw/verify`)).body.matches).toBe(true);

		await db()`update draw set seed = ${'ab'.repeat(32)} where round_id = ${roundId} and stage = 1`;
		const forged = await ownerApi('GET', `/rounds/${roundId}/draw/verify`);
		expect(forged.body).toMatchObject({ matches: false, stages: [{ stage: 1, seedMatchesCommitment: false, matches: false }] });

		const { seed } = (await db()<{ seed: string }[]>`select seed from draw where round_id = ${roundId}`)[0]!;
		expect(seed).toBe('ab'.repeat(32));
		await db()`update draw set seed = null, revealed_at = null where round_id = ${roundId}`;
		await ownerApi('POST', `/rounds/${roundId}/draw/reveal`, { stage: 1 });
		await db()`update round_entry set number = number + 100 where round_id = ${roundId} and number = 1`;
		const moved = await ownerApi('GET', `/rounds/${roundId}/draw/verify`);
		expect(moved.body).toMatchObject({ matches: false, stages: [{ stage: 1, seedMatchesCommitment: true, resultMatches: true, recordedMatches: false }] });
	});

	it('seals the decoding table: organisers are refused until the scores are locked; owners and encryption judges open it, audited', async () => {
		const fresh = await newContest();
		const { ownerApi, organiserApi, roundId, judge } = fresh;
		await ownerApi('POST', `/rounds/${roundId}/draw/commit`, { stage: 1 });
		await ownerApi('POST', `/rounds/${roundId}/draw/run`, { stage: 1 });
		const openings = async () => (await db()<{ actorUserId: string }[]>`select actor_user_id from audit_log where action = 'draw.decoding_table_opened' and subject_id = ${roundId} order by created_at, id`).map((row) => row.actorUserId);

		expect(await organiserApi('GET', `/rounds/${roundId}/decoding-table`)).toMatchObject({ status: 403, body: { error: { code: 'draw_sealed' } } });
		expect((await organiserApi('GET', `/rounds/${roundId}/draw`)).body.canOpenDecodingTable).toBe(false);
		expect(await openings()).toEqual([]);

		const opened = await ownerApi('GET', `/rounds/${roundId}/decoding-table`);
		expect(opened.status).toBe(200);
		expect(opened.body.sealed).toBe(true);
		expect(opened.body.rows.flatMap((row: { names: string[] }) => row.names).sort()).toEqual(fresh.entries.map((entry) => entry.name).sort());
		expect(await openings()).toEqual([fresh.owner.user.id]);

		// The encryption judge (a member without a manager role) opens it on the page, and prints the sign-in sheet.
		const app = inject('appUrl');
		const base = `/orgs/${fresh.owner.organisation.slug}/competitions/${fresh.competitionId}/draw/${roundId}`;
		const judgeCookie = await sessionCookie(judge.user.id);
		const action = await fetch(`${app}${base}?/open`, { method: 'POST', body: new URLSearchParams({ formId: 'open' }), headers: { origin: app, accept: 'application/json', 'x-sveltekit-action': 'true', cookie: judgeCookie } });
		const answer = await action.text();
		expect(answer).toContain('"type":"success"');
		expect(answer).toContain(fresh.entries[0]!.name);
		const sheet = await fetch(`${app}${base}/print/sign-in`, { headers: { cookie: judgeCookie } });
		expect(sheet.status).toBe(200);
		expect(await sheet.text()).toContain(fresh.entries[0]!.unit);
		expect(await openings()).toEqual([fresh.owner.user.id, judge.user.id, judge.user.id]);

		// The organiser on the page: refused, nothing leaks, nothing recorded.
		const organiserCookie = await sessionCookie(fresh.organiser.user.id);
		const refused = await fetch(`${app}${base}?/open`, { method: 'POST', body: new URLSearchParams({ formId: 'open' }), headers: { origin: app, accept: 'application/json', 'x-sveltekit-action': 'true', cookie: organiserCookie } });
		const refusedText = await refused.text();
		expect(refusedText).toContain('"type":"failure"');
		expectNoPersonalData(refusedText, fresh.entries);
		expect((await fetch(`${app}${base}/print/sign-in`, { headers: { cookie: organiserCookie } })).status).toBe(403);
		// A member who is neither a manager nor an encryption judge of the round sees no draw at all.
		const bystander = await joinOrg(fresh.owner, 'contestant');
		expect((await fetch(`${app}${base}`, { headers: { cookie: await sessionCookie(bystander.user.id) } })).status).toBe(403);

		await db()`update round set scores_locked_at = now() where id = ${roundId}`;
		const unsealed = await organiserApi('GET', `/rounds/${roundId}/decoding-table`);
		expect(unsealed).toMatchObject({ status: 200, body: { sealed: false } });
		expect(await openings()).toHaveLength(4);
	});

	it('keeps names, units, phones and ID numbers out of every draw payload judges and the public see', async () => {
		const { ownerApi, roundId, entries, others, slug, owner, competitionId } = contest;
		const people = [...entries, ...others];
		const app = inject('appUrl');
		const cookie = await sessionCookie(owner.user.id);
		const base = `/orgs/${owner.organisation.slug}/competitions/${competitionId}/draw`;
		const payloads = [
			JSON.stringify((await ownerApi('GET', `/rounds/${roundId}/draw`)).body),
			JSON.stringify((await ownerApi('GET', `/rounds/${roundId}/draw/verify`)).body),
			await (await fetch(`${app}/c/${slug}/draw.json`)).text(),
			await (await fetch(`${app}/c/${slug}/draw`)).text(),
			await (await fetch(`${app}${base}`, { headers: { cookie } })).text(),
			await (await fetch(`${app}${base}/${roundId}`, { headers: { cookie } })).text(),
			await (await fetch(`${app}${base}/${roundId}/print/results`, { headers: { cookie } })).text(),
			await (await fetch(`${app}${base}/${roundId}/print/cards`, { headers: { cookie } })).text()
		];
		expect(payloads[3]).toContain(entries[0]!.id);
		for (const payload of payloads) expectNoPersonalData(payload, people);
	});

	it('answers 404 for another organisation’s round on every draw route', async () => {
		const stranger = await newOrg();
		const strangerApi = apiAs((await createApiToken(stranger, '别家')).token);
		const { roundId, competitionId } = contest;
		for (const [method, path, body] of [
			['GET', `/rounds/${roundId}/draw`],
			['GET', `/rounds/${roundId}/draw/verify`],
			['GET', `/rounds/${roundId}/decoding-table`],
			['POST', `/rounds/${roundId}/draw/commit`, { stage: 1 }],
			['POST', `/rounds/${roundId}/draw/run`, { stage: 1 }],
			['POST', `/rounds/${roundId}/draw/reveal`, { stage: 1 }]
		] as [string, string, unknown][]) {
			expect(await strangerApi(method, path, body), `${method} ${path}`).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
		}
		const app = inject('appUrl');
		const cookie = await sessionCookie(stranger.user.id);
		const base = `/orgs/${stranger.organisation.slug}/competitions/${competitionId}/draw`;
		for (const path of [base, `${base}/${roundId}`, `${base}/${roundId}/print/results`, `${base}/${roundId}/print/cards`, `${base}/${roundId}/print/sign-in`]) {
			expect((await fetch(`${app}${path}`, { headers: { cookie } })).status, path).toBe(404);
		}
		const action = await fetch(`${app}${base}/${roundId}?/commit`, { method: 'POST', body: new URLSearchParams({ stage: '1' }), headers: { origin: app, accept: 'application/json', 'x-sveltekit-action': 'true', cookie } });
		// Refused before the form is read (the round is not under this competition's path): an error page's 404.
		expect(`${action.status} ${await action.text()}`).toMatch(/^404 .*"code":"not_found"/);
		expect((await fetch(`${app}/c/no-such-contest-${Date.now()}/draw.json`)).status).toBe(404);
		// The readiness check the lifecycle uses counts only the asking organisation's draws.
		expect(await competitionHasDraw(db(), contest.owner.organisation.id, competitionId)).toBe(true);
		expect(await competitionHasDraw(db(), stranger.organisation.id, competitionId)).toBe(false);
	});
});
