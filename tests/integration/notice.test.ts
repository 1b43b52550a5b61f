import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { actorFor, joinOrg, newOrg, newUser } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { noticeRoundInput, seedPublishedResult, storedResultOf } from '../fixtures/notice';
import { get, sessionCookie } from './http-helpers';
import { addArbitrator, answerObjection, countOpenObjectionsAndAppeals, decideAppeal, fileAppeal, listObjections, loadOwnAppeals, recordAppealRescore } from '../../src/lib/server/notice';
import { DomainError } from '../../src/lib/server/domain-error';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { finaliseResults } from '../../src/lib/server/results/lifecycle-service';
import { resultsControl } from '../../src/lib/server/results/access';

// Publication, objections and appeals (issue 17, publication part) through the built server and the services.

const app = () => inject('appUrl');
const slugOf = async (round: JudgeRound) => (await db()<{ slug: string }[]>`select slug from competition where id = ${round.competitionId}`)[0]!.slug;
const html = async (path: string, cookie?: string) => {
	const response = await get(path, cookie);
	return { status: response.status, text: await response.text() };
};

async function published(options: Parameters<typeof seedPublishedResult>[2] = {}) {
	const owner = await newOrg();
	const round = await seedJudgeRound(owner, { count: 3 });
	const { versionId } = await seedPublishedResult(owner, round, options);
	return { owner, round, versionId, slug: await slugOf(round) };
}

function lodge(slug: string, fields: Record<string, string>, file?: File): Promise<Response> {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	if (file) body.set('attachment', file);
	return fetch(`${app()}/c/${slug}/results?/object`, { method: 'POST', body, redirect: 'manual', headers: { origin: app(), accept: 'text/html' } });
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
	await expect(promise).rejects.toSatisfy((error) => error instanceof DomainError && error.code === code);
}

describe('the public results page', () => {
	it('is not found while nothing is published', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { count: 2 });
		await db()`update competition set status = 'notice' where id = ${round.competitionId}`;
		expect((await get(`/c/${await slugOf(round)}/results`)).status).toBe(404);
		expect((await html(`/c/${await slugOf(round)}`)).text).not.toContain('data-testid="results-link"');
	});

	it('shows numbers only before the reveal, names after, and never an ID number or a phone', async () => {
		const { owner, round, slug } = await published({ revealed: false });
		expect((await html(`/c/${slug}`)).text).toContain(`href="/c/${slug}/results"`);
		const before = await html(`/c/${slug}/results`);
		expect(before.status).toBe(200);
		for (const entry of round.entries) {
			expect(before.text).toContain(`data-number="${entry.number}"`);
			expect(before.text).not.toContain(entry.name);
			expect(before.text).not.toContain(entry.unit);
		}
		await db()`update round set results_revealed_at = now() - interval '1 second' where organisation_id = ${owner.organisation.id} and id = ${round.roundId}`;
		const after = await html(`/c/${slug}/results`);
		for (const entry of round.entries) {
			expect(after.text).toContain(entry.name);
			expect(after.text).not.toContain(entry.idNumber);
			expect(after.text).not.toContain(entry.phone);
		}
		// The best entry (number 1: highest marks, no defects) is ranked first with its tier.
		expect(after.text.indexOf(round.entries[0]!.name)).toBeLessThan(after.text.indexOf(round.entries[1]!.name));
	});

	it('explains an entry so anyone can recompute it: dropped judges, deductions, weights and the total', async () => {
		const { round, slug } = await published({ revealed: true });
		const stored = storedResultOf(round, noticeRoundInput(round));
		const second = stored.result.entries.find((entry) => entry.entryId === round.entries[1]!.id)!;
		const page = await html(`/c/${slug}/results/${round.roundId}/${round.entries[1]!.id}`);
		expect(page.status).toBe(200);
		expect(page.text.match(/data-status="dropped_(high|low)"/g)).toHaveLength(2);
		expect(page.text).toContain('工件缺陷');
		expect(page.text).toContain(`${(second.total / 100).toFixed(2)}`);
		expect(page.text).not.toContain(round.entries[1]!.idNumber);
		expect((await get(`/c/${slug}/results/${round.roundId}/${crypto.randomUUID()}`)).status).toBe(404);
	});
});

describe('objections', () => {
	it('are lodged during the notice with the contact encrypted, answered with an audit row, and public after the window without the contact', async () => {
		const { owner, round, slug } = await published({ revealed: true });
		const wrong = await lodge(slug, { roundId: round.roundId, name: '张三', contact: '12345', body: '异议' });
		expect(wrong.status).toBe(400);
		const pdf = new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')], '证据.pdf', { type: 'application/pdf' });
		const lodged = await lodge(slug, { roundId: round.roundId, name: '张三', contact: '13800138000', body: '第2号的扣分记录与现场不符。' }, pdf);
		expect(lodged.status).toBe(200);
		expect(await lodged.text()).toContain('data-testid="objection-lodged"');
		const [raw] = await db()<{ contactCipher: string; attachmentType: string }[]>`select contact_cipher, attachment_type from objection where round_id = ${round.roundId}`;
		expect(raw!.contactCipher).not.toContain('13800138000');
		expect(raw!.attachmentType).toBe('application/pdf');
		const { objections } = await listObjections(owner, round.competitionId);
		expect(objections.map((objection) => [objection.contact, objection.status, objection.hasAttachment])).toEqual([['13800138000', 'open', true]]);
		expect(await countOpenObjectionsAndAppeals(db(), owner.organisation.id, round.roundId)).toEqual({ objections: 1, appeals: 0 });

		await answerObjection(owner, round.competitionId, objections[0]!.id, '经复核，扣分记录无误。');
		const audit = await db()`select 1 from audit_log where organisation_id = ${owner.organisation.id} and action = 'objection.answered'`;
		expect(audit).toHaveLength(1);
		expect(await countOpenObjectionsAndAppeals(db(), owner.organisation.id, round.roundId)).toEqual({ objections: 0, appeals: 0 });

		expect((await html(`/c/${slug}/results`)).text).not.toContain('第2号的扣分记录与现场不符');
		await db()`update round set notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day' where id = ${round.roundId}`;
		const after = await html(`/c/${slug}/results`);
		expect(after.text).toContain('第2号的扣分记录与现场不符');
		expect(after.text).toContain('经复核，扣分记录无误。');
		expect(after.text).not.toContain('13800138000');
		expect(after.text).not.toContain('data-testid="objection-form"');
		expect((await lodge(slug, { roundId: round.roundId, name: '李四', contact: 'li@example.test', body: '太晚了' })).status).toBe(409);
	});

	it('keep the round from being finalised until every objection is answered', async () => {
		const { owner, round, slug } = await published({ revealed: true });
		expect((await lodge(slug, { roundId: round.roundId, name: '张三', contact: '13800138000', body: '第1号的成绩有误。' })).status).toBe(200);
		await db()`update round set notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day' where id = ${round.roundId}`;
		await rejectsWith(finaliseResults(await resultsControl(owner, round.roundId)), 'results_matters_open');
		const { objections } = await listObjections(owner, round.competitionId);
		await answerObjection(owner, round.competitionId, objections[0]!.id, '经复核，成绩无误。');
		const finalised = await finaliseResults(await resultsControl(owner, round.roundId));
		const [stored] = await db()<{ finalVersionId: string }[]>`select final_version_id from round where id = ${round.roundId}`;
		expect(stored!.finalVersionId).toBe(finalised.versionId);
	});

	it('refuses a file that is not a PDF or an image, and more than five an hour from one address', async () => {
		const { round, slug } = await published();
		const fields = { roundId: round.roundId, name: '王五', contact: 'wang@example.test', body: '异议' };
		expect((await lodge(slug, fields, new File(['<script>alert(1)</script>'], 'x.html', { type: 'text/html' }))).status).toBe(415);
		for (let index = 0; index < 5; index++) expect((await lodge(slug, fields)).status).toBe(200);
		expect((await lodge(slug, fields)).status).toBe(429);
	});
});

describe('appeals', () => {
	async function appealWorld(lockedMinutesAgo: number | null) {
		const world = await published({ revealed: true, scoresLockedAt: lockedMinutesAgo === null ? null : new Date(Date.now() - lockedMinutesAgo * 60_000) });
		const contestant = await newUser();
		const entry = world.round.entries[1]!;
		await db()`update entry set registrant_id = ${contestant.id} where id = ${entry.id}`;
		return { ...world, contestant: actorFor(contestant), entry };
	}

	it('are refused before the sign-off and after the window, and accepted within it', async () => {
		const early = await appealWorld(null);
		await rejectsWith(fileAppeal(early.contestant, early.entry.id, { roundId: early.round.roundId, body: '申诉' }, new Date()), 'appeal_window_not_open');
		const late = await appealWorld(121);
		await rejectsWith(fileAppeal(late.contestant, late.entry.id, { roundId: late.round.roundId, body: '申诉' }, new Date()), 'appeal_window_closed');
		const onTime = await appealWorld(30);
		expect(await fileAppeal(onTime.contestant, onTime.entry.id, { roundId: onTime.round.roundId, body: '申诉' }, new Date())).toMatchObject({ id: expect.any(String) });
	});

	it('are the contestant’s own: another person finds neither the entry’s appeals nor a way to file one', async () => {
		const { round, contestant, entry } = await appealWorld(10);
		await fileAppeal(contestant, entry.id, { roundId: round.roundId, body: '我的申诉' }, new Date());
		const other = actorFor(await newUser());
		await rejectsWith(loadOwnAppeals(other, entry.id, new Date()), 'not_found');
		await rejectsWith(fileAppeal(other, entry.id, { roundId: round.roundId, body: '冒名' }, new Date()), 'not_found');
		expect((await get(`/my/entries/${entry.id}/appeals`, await sessionCookie(other.user.id))).status).toBe(404);
		const mine = await html(`/my/entries/${entry.id}/appeals`, await sessionCookie(contestant.user.id));
		expect(mine.text).toContain('我的申诉');
	});

	it('are decided by the arbitration group only; an upheld re-score links a new version whose diff the contestant sees, and everyone is notified', async () => {
		const { owner, round, contestant, entry, versionId } = await appealWorld(10);
		const arbitrator: OrgActor = await joinOrg(owner, 'contestant');
		await addArbitrator(owner, round.competitionId, arbitrator.user.id);
		await rejectsWith(addArbitrator(owner, round.competitionId, (await newUser()).id), 'arbitrator_not_member');
		const { id: appealId } = await fileAppeal(contestant, entry.id, { roundId: round.roundId, body: '第二位裁判的分数录入有误' }, new Date());
		const decision = { appealId, decision: 'upheld' as const, requiresRescore: true, reason: '录入有误，须重新评分' };
		await rejectsWith(decideAppeal(owner, round.competitionId, decision), 'appeal_arbitrators_only');
		await decideAppeal(arbitrator, round.competitionId, decision);
		await rejectsWith(decideAppeal(arbitrator, round.competitionId, decision), 'appeal_already_decided');
		expect(await countOpenObjectionsAndAppeals(db(), owner.organisation.id, round.roundId)).toEqual({ objections: 0, appeals: 1 });

		// The head judge corrects the rows; the new version (here seeded) puts entry 2 first.
		const corrected = noticeRoundInput(round).map((input, index) => (index === 1 ? { ...input, entered: { theory: 10000 }, deductions: { practical: { defect: 0 } }, sheets: noticeRoundInput(round)[0]!.sheets } : input));
		const { versionId: newVersionId } = await seedPublishedResult(owner, round, { stored: storedResultOf(round, corrected), publish: false });
		await rejectsWith(recordAppealRescore(arbitrator, round.competitionId, appealId, newVersionId), 'forbidden');
		await rejectsWith(recordAppealRescore(owner, round.competitionId, appealId, versionId), 'appeal_version_invalid');
		await recordAppealRescore(owner, round.competitionId, appealId, newVersionId);
		expect(await countOpenObjectionsAndAppeals(db(), owner.organisation.id, round.roundId)).toEqual({ objections: 0, appeals: 0 });

		const own = await loadOwnAppeals(contestant, entry.id, new Date());
		expect(own.appeals[0]).toMatchObject({ status: 'upheld', decisionReason: '录入有误，须重新评分', rescoredVersionId: newVersionId });
		const change = own.appeals[0]!.changes.find((row) => row.entryId === entry.id);
		expect(change?.before?.rank).toBe(2);
		expect(change?.after?.rank).toBe(1);
		const kinds = async (userId: string) => (await db()<{ kind: string }[]>`select kind from notification where user_id = ${userId} order by created_at`).map((row) => row.kind);
		expect(await kinds(arbitrator.user.id)).toEqual(['appeal_filed', 'appeal_rescored']);
		expect(await kinds(contestant.user.id)).toEqual(['appeal_decided', 'appeal_rescored']);
		const page = await html('/my/notifications', await sessionCookie(contestant.user.id));
		expect(page.text.match(/data-testid="notification"/g)).toHaveLength(2);
	});
});

describe('the API', () => {
	it('serves the public results and an explanation, and keeps objections and appeals to their roles', async () => {
		const { owner, round } = await published({ revealed: false });
		const { token } = await createApiToken(owner, 'notice');
		const call = (path: string, init: RequestInit = {}) => fetch(`${app()}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
		const results = await (await call(`/competitions/${round.competitionId}/public-results`)).json();
		expect(results.rounds[0].placings).toHaveLength(3);
		expect(results.rounds[0].placings.every((placing: { name: string | null }) => placing.name === null)).toBe(true);
		const explanation = await (await call(`/rounds/${round.roundId}/explanations/${round.entries[0]!.id}`)).json();
		expect(explanation.explanation).toMatchObject({ totalMatches: true, rank: 1 });
		expect((await call(`/competitions/${round.competitionId}/objections`, { method: 'POST', body: JSON.stringify({ roundId: round.roundId, name: '赵六', contact: 'no', body: 'x' }) })).status).toBe(400);
		expect((await call(`/competitions/${round.competitionId}/objections`, { method: 'POST', body: JSON.stringify({ roundId: round.roundId, name: '赵六', contact: 'zhao@example.test', body: '异议' }) })).status).toBe(201);
		const listed = await (await call(`/competitions/${round.competitionId}/objections`)).json();
		expect(listed[0]).toMatchObject({ contact: 'zhao@example.test', status: 'open' });
		expect((await call(`/competitions/${round.competitionId}/appeals/${crypto.randomUUID()}/decision`, { method: 'POST', body: JSON.stringify({ decision: 'dismissed', requiresRescore: true, reason: '驳回' }) })).status).toBe(400);
		expect((await call(`/rounds/${round.roundId}/appeal-window`, { method: 'PUT', body: JSON.stringify({ minutes: -1 }) })).status).toBe(400);
		expect(await (await call(`/rounds/${round.roundId}/appeal-window`, { method: 'PUT', body: JSON.stringify({ minutes: 240 }) })).json()).toEqual({ roundId: round.roundId, minutes: 240 });
		// Another organisation's token finds none of it.
		const stranger = await newOrg();
		const foreign = (await createApiToken(stranger, 'foreign')).token;
		const foreignCall = await fetch(`${app()}/api/v1/competitions/${round.competitionId}/public-results`, { headers: { authorization: `Bearer ${foreign}` } });
		expect(foreignCall.status).toBe(404);
	});
});
