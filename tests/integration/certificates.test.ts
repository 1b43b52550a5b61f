import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { issueCertificates, listCompetitionCertificates } from '../../src/lib/server/certificates/certificate-service';
import { newOrg, joinOrg, newUser } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { seedFinalResult } from '../fixtures/results';
import { get, sessionCookie } from './http-helpers';

// Certificates (issue 17) from final results: serials that never repeat under concurrent issuing,
// idempotent re-issuing, every holder's name findable in the PDFs by pdftotext, public verification
// that says when a certificate is revoked, and a contestant who downloads only their own.

let owner: OrgActor;
let token: string;
let first: JudgeRound;
let second: JudgeRound;

const TIERS = [
	{ tierKey: 'first', tierLabel: '一等奖' },
	{ tierKey: 'second', tierLabel: '二等奖' },
	{ tierKey: 'second', tierLabel: '二等奖' },
	{ tierKey: 'third', tierLabel: '三等奖' },
	{ tierKey: 'third', tierLabel: '三等奖' },
	{ tierKey: null, tierLabel: null }
];

async function seedResults(round: JudgeRound): Promise<void> {
	await seedFinalResult(
		owner,
		round.roundId,
		round.entries.map((entry, index) => ({
			entryId: entry.id,
			number: entry.number,
			rank: index + 1,
			total: 9500 - index * 100,
			...TIERS[index % TIERS.length],
			// The last entry has no tier but a special award given by hand; the first has both.
			specialAward: index === 0 || index === round.entries.length - 1 ? '工匠特别奖' : null
		}))
	);
}

function api(method: string, pathname: string, body?: unknown): Promise<Response> {
	return fetch(`${inject('appUrl')}/api/v1${pathname}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

function pdfText(bytes: ArrayBuffer): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'certificates-')), 'file.pdf');
	writeFileSync(file, new Uint8Array(bytes));
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
	owner = await newOrg();
	token = (await createApiToken(owner, 'certificates')).token;
	first = await seedJudgeRound(owner, { count: 6, blind: false });
	second = await seedJudgeRound(owner, { count: 12, blind: false });
	await seedResults(first);
	await seedResults(second);
}, 60_000);

describe('issuing', () => {
	it('gives every serial once, even from parallel calls for two competitions with the same prefix', async () => {
		const calls = [first, second, first, second, first, second, first, second].map((round) => issueCertificates(owner, round.competitionId));
		const results = await Promise.all(calls);
		// first: 5 tiers + 2 special awards; second: 10 tiers + 2 special awards (12 entries, two without a tier).
		expect(results.reduce((sum, result) => sum + result.issued, 0)).toBe(7 + 12);
		const rows = await db()<{ serial: string }[]>`select serial from certificate where organisation_id = ${owner.organisation.id}`;
		expect(rows).toHaveLength(19);
		const sequences = rows.map((row) => Number(row.serial.split('-').pop())).sort((a, b) => a - b);
		expect(new Set(rows.map((row) => row.serial)).size).toBe(19);
		expect(sequences).toEqual(Array.from({ length: 19 }, (_, index) => index + 1));
		expect(rows[0]!.serial).toMatch(/^JX-\d{4}-\d{4}$/);
	});

	it('re-issuing adds nothing and keeps every serial and code', async () => {
		const before = (await listCompetitionCertificates(owner, first.competitionId)).certificates;
		const again = await api('POST', `/competitions/${first.competitionId}/certificates`);
		expect(await again.json()).toEqual({ issued: 0, total: 7 });
		const after = (await listCompetitionCertificates(owner, first.competitionId)).certificates;
		expect(after.map((row) => [row.id, row.serial, row.verificationCode])).toEqual(before.map((row) => [row.id, row.serial, row.verificationCode]));
		const special = after.filter((row) => row.awardKind === 'special').map((row) => row.holderName).sort();
		expect(special).toEqual([first.entries[0]!.name, first.entries[5]!.name].sort());
	});
});

describe('PDFs', () => {
	it('has every holder’s name as real text in the bulk PDF and in each zip member', async () => {
		const response = await api('GET', `/competitions/${second.competitionId}/certificates/bundle?format=pdf`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const text = pdfText(await response.arrayBuffer());
		// Entry 6 (index 5) has neither a tier nor a special award: no certificate.
		const holders = second.entries.filter((_entry, index) => index !== 5);
		expect(holders).toHaveLength(11);
		for (const entry of holders) expect(text, entry.name).toContain(entry.name);
		expect(text).not.toContain(second.entries[5]!.name);
		expect(text).toContain('一等奖');
		const zip = await api('GET', `/competitions/${first.competitionId}/certificates/bundle?format=zip`);
		expect(zip.headers.get('content-type')).toBe('application/zip');
		const bytes = Buffer.from(await zip.arrayBuffer());
		// Seven stored (not deflated) PDFs, each a file of its own.
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
		expect(bytes.toString('latin1').split('%PDF-').length - 1).toBe(7);
	});

	it('renders one certificate with its name, serial and award, and follows a bulk download’s progress', async () => {
		const [certificate] = (await listCompetitionCertificates(owner, first.competitionId)).certificates;
		const one = await api('GET', `/certificates/${certificate!.id}/pdf`);
		const text = pdfText(await one.arrayBuffer());
		expect(text).toContain(certificate!.holderName);
		expect(text).toContain(certificate!.serial);
		const cookie = await sessionCookie(owner.user.id);
		const base = `/orgs/${owner.organisation.slug}/competitions/${first.competitionId}/certificates`;
		const progressId = crypto.randomUUID();
		const bundle = await get(`${base}/bundle?format=pdf&progress=${progressId}`, cookie);
		expect(bundle.status).toBe(200);
		await bundle.arrayBuffer();
		const progress = await get(`${base}/progress?id=${progressId}`, cookie);
		expect(await progress.json()).toEqual({ done: 7, total: 7, finished: true });
	});
});

describe('verification and revocation', () => {
	it('says valid, then revoked with the date after an organiser revokes with a reason (audited)', async () => {
		const [certificate] = (await listCompetitionCertificates(owner, second.competitionId)).certificates;
		const valid = await fetch(`${inject('appUrl')}/api/v1/verify/${certificate!.verificationCode}`);
		expect(await valid.json()).toMatchObject({ status: 'valid', award: certificate!.awardLabel, serial: certificate!.serial, revokedAt: null });
		const page = await get(`/verify/${certificate!.verificationCode.toLowerCase()}`);
		const html = await page.text();
		expect(page.status).toBe(200);
		expect(html).not.toContain(certificate!.holderName);
		expect(html).toContain(`${Array.from(certificate!.holderName)[0]}${'*'.repeat(Array.from(certificate!.holderName).length - 2)}${Array.from(certificate!.holderName).at(-1)}`);

		expect((await api('POST', `/certificates/${certificate!.id}/revoke`, { reason: '' })).status).toBe(400);
		const revoked = await api('POST', `/certificates/${certificate!.id}/revoke`, { reason: '经复核成绩有误' });
		expect(revoked.status).toBe(200);
		expect((await api('POST', `/certificates/${certificate!.id}/revoke`, { reason: '再次撤销' })).status).toBe(409);
		const answer = await (await fetch(`${inject('appUrl')}/api/v1/verify/${certificate!.verificationCode}`)).json();
		expect(answer).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
		const revokedPage = await (await get(`/verify/${certificate!.verificationCode}`)).text();
		expect(revokedPage).toContain('证书已于');
		expect(revokedPage).toContain('撤销');
		const [audit] = await db()<{ subjectLabel: string }[]>`select subject_label from audit_log where organisation_id = ${owner.organisation.id} and action = 'certificate.revoked'`;
		expect(audit!.subjectLabel).toContain('经复核成绩有误');
		expect(audit!.subjectLabel).toContain(certificate!.serial);
	});

	it('answers an unknown or malformed code with a 404 page that says so, and 404/400 in the API', async () => {
		const page = await get('/verify/ABCDEFGHJKMN');
		expect(page.status).toBe(404);
		expect(await page.text()).toContain('找不到该证书');
		expect((await get('/verify/not-a-code')).status).toBe(404);
		expect((await fetch(`${inject('appUrl')}/api/v1/verify/ABCDEFGHJKMN`)).status).toBe(404);
		expect((await fetch(`${inject('appUrl')}/api/v1/verify/x`)).status).toBe(400);
	});
});

describe('who may see what', () => {
	it('lets a contestant download only certificates of entries they registered', async () => {
		const contestant = await newUser();
		const [own, other] = first.entries;
		await db()`update entry set registrant_id = ${contestant.id} where organisation_id = ${owner.organisation.id} and id = ${own!.id}`;
		const certificates = (await listCompetitionCertificates(owner, first.competitionId)).certificates;
		const mine = certificates.find((row) => row.entryId === own!.id)!;
		const theirs = certificates.find((row) => row.entryId === other!.id)!;
		const cookie = await sessionCookie(contestant.id);
		const download = await get(`/my/certificates/${mine.id}`, cookie);
		expect(download.status).toBe(200);
		expect(pdfText(await download.arrayBuffer())).toContain(own!.name);
		expect((await get(`/my/certificates/${theirs.id}`, cookie)).status).toBe(404);
		const entries = await (await get('/my/entries', cookie)).text();
		expect(entries).toContain(`/my/certificates/${mine.id}`);
		expect(entries).not.toContain(theirs.id);
	});

	it('keeps the pages and downloads to owners and organisers of the organisation', async () => {
		const contestantMember = await joinOrg(owner, 'contestant');
		const stranger = await newOrg();
		const base = `/orgs/${owner.organisation.slug}/competitions/${first.competitionId}/certificates`;
		const [certificate] = (await listCompetitionCertificates(owner, first.competitionId)).certificates;
		for (const actor of [contestantMember, stranger]) {
			const cookie = await sessionCookie(actor.user.id);
			for (const target of [base, `${base}/template`, `${base}/${certificate!.id}`, `${base}/bundle?format=zip`, `${base}/template/preview`]) {
				expect([403, 404], target).toContain((await get(target, cookie)).status);
			}
		}
		// Another competition of the same organisation does not hold this certificate.
		const ownerCookie = await sessionCookie(owner.user.id);
		expect((await get(`/orgs/${owner.organisation.slug}/competitions/${second.competitionId}/certificates/${certificate!.id}`, ownerCookie)).status).toBe(404);
		const strangerToken = (await createApiToken(stranger, 'stranger')).token;
		const foreign = await fetch(`${inject('appUrl')}/api/v1/certificates/${certificate!.id}/pdf`, { headers: { authorization: `Bearer ${strangerToken}` } });
		expect(foreign.status).toBe(404);
	});
});

describe('the template', () => {
	it('saves wording and the serial pattern through the API, refuses malformed ones, and the preview prints them', async () => {
		const saved = await api('PUT', `/competitions/${first.competitionId}/certificate-template`, {
			orientation: 'portrait',
			title: '荣誉证书',
			organiserLine: '安吉县总工会',
			body: '{unit}的{name}在{competition}中荣获{award}。',
			printedOn: '2026-05-01',
			serialPrefix: 'ajgj',
			serialWidth: 5
		});
		expect(saved.status).toBe(200);
		expect(await saved.json()).toMatchObject({ orientation: 'portrait', serialPrefix: 'AJGJ', serialWidth: 5, printedOn: '2026-05-01', hasSeal: false });
		const bad = await api('PUT', `/competitions/${first.competitionId}/certificate-template`, { orientation: 'round', title: '', body: 'x', serialPrefix: 'A-B', serialWidth: 20 });
		expect(bad.status).toBe(400);
		expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['orientation', 'serialPrefix', 'serialWidth', 'title']);
		const preview = await get(`/orgs/${owner.organisation.slug}/competitions/${first.competitionId}/certificates/template/preview`, await sessionCookie(owner.user.id));
		const text = pdfText(await preview.arrayBuffer());
		expect(text).toContain('安吉县总工会');
		expect(text).toContain('2026年5月1日');
		expect(text).toMatch(/AJGJ-\d{4}-00001/);
	});
});
