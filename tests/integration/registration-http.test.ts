import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { addEvent } from '../../src/lib/server/competitions/structure-service';
import { replaceRegistrationFields, updateRegistrationSettings } from '../../src/lib/server/registration/settings-service';
import { newCompetitionFromTemplate, seedStatus } from '../fixtures/competitions';
import { newOrg, newUser } from '../fixtures/factories';
import { entrant, residentIdNumber } from '../fixtures/people';
import { forgetLoopbackSignIns, get, postForm, sessionCookie } from './http-helpers';

// Contestants register (phone first), over real HTTP against the built server: accounts by phone or
// e-mail, the public page, the registration form's messages at each field, attachments and who may
// open them, and what a contestant may no longer do once screening starts.

const zh = (catalogue: string) => JSON.parse(readFileSync(`src/lib/i18n/messages/${catalogue}/zh-CN.json`, 'utf8')) as Record<string, string>;
const ENTRIES = zh('entries');
const REGISTRATION = zh('registration');

const app = () => inject('appUrl');
const randomPhone = () => `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;

function postMultipart(path: string, form: FormData, cookie: string): Promise<Response> {
	return fetch(`${app()}${path}`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: app(), accept: 'text/html', cookie } });
}

/** The visible text of the element with this test id (comments and tags dropped, spaces collapsed). */
function textOf(html: string, testId: string): string | null {
	const match = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</(p|span|div)>`).exec(html);
	return match ? match[1]!.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : null;
}

/** The message shown under a field (the Field component's `<id>-error` paragraph). */
function messageAt(html: string, id: string): string | null {
	const match = new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html);
	return match ? match[1]! : null;
}

async function openCompetition(options: { capacity?: number | null; fileField?: boolean } = {}) {
	const owner = await newOrg();
	const competition = await newCompetitionFromTemplate(owner, 'craftsman_award');
	const [event] = await db()<{ id: string; roundId: string }[]>`
		select e.id, r.id as round_id from event e join round r on r.event_id = e.id where e.competition_id = ${competition.id} order by r.position limit 1`;
	if (options.capacity !== undefined) await db()`update event set capacity = ${options.capacity} where id = ${event!.id}`;
	if (options.fileField) await replaceRegistrationFields(owner, competition.id, [{ key: 'application_form', label: '申报表', kind: 'file', options: [], required: false }]);
	await updateRegistrationSettings(owner, competition.id, { privacyNotice: '报名信息仅用于本次评选。' });
	await seedStatus(owner, competition.id, 'registration');
	return { owner, competition, eventId: event!.id, roundId: event!.roundId };
}

async function newContestant() {
	const user = await newUser({ displayName: '报名人' });
	return { user, cookie: await sessionCookie(user.id) };
}

function entryForm(eventId: string, sequence: number, overrides: Record<string, string> = {}): FormData {
	const person = entrant(sequence);
	const form = new FormData();
	const fields: Record<string, string> = {
		'members.0.name': person.name,
		'members.0.gender': person.gender,
		'members.0.idType': 'resident_id',
		'members.0.idNumber': person.idNumber,
		'members.0.phone': person.phone,
		'members.0.unit': person.unit,
		'members.0.trade': '电工',
		'members.0.level': 'senior',
		consent: 'on',
		...overrides
	};
	for (const [key, value] of Object.entries(fields)) if (value !== '') form.append(key, value);
	void eventId;
	return form;
}

const registerPath = (slug: string, eventId: string) => `/c/${slug}/register/${eventId}`;

describe('contestant accounts', () => {
	it('signs up with a mobile number, then signs in with it (typed with spaces) on the ordinary sign-in page', async () => {
		await forgetLoopbackSignIns();
		const { competition } = await openCompetition();
		const phone = randomPhone();
		const signUp = await postForm(`/c/${competition.slug}/signup`, { displayName: '王师傅', login: phone, password: 'a long enough password' });
		expect(signUp.status).toBe(303);
		expect(signUp.headers.get('location')).toBe(`/c/${competition.slug}`);
		expect(signUp.headers.get('set-cookie')).toMatch(/jiangxin_session=/);
		const [user] = await db()<{ email: string | null; phone: string }[]>`select email, phone from app_user where phone = ${phone}`;
		expect(user).toEqual({ email: null, phone });
		// A contestant joins no organisation.
		const [memberships] = await db()<{ count: number }[]>`select count(*)::int from membership m join app_user u on u.id = m.user_id where u.phone = ${phone}`;
		expect(memberships!.count).toBe(0);
		const signIn = await postForm('/login', { email: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, password: 'a long enough password' });
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('set-cookie')).toMatch(/jiangxin_session=/);
		const again = await postForm(`/c/${competition.slug}/signup`, { displayName: '又一个', login: phone, password: 'another long password' });
		expect(again.status).toBe(409);
		expect(await again.text()).toContain(REGISTRATION.registration_error_login_taken);
	});

	it('signs up with an e-mail address and refuses a login that is neither', async () => {
		await forgetLoopbackSignIns();
		const { competition } = await openCompetition();
		const email = `Worker-${randomInt(0, 1e9)}@Example.test`;
		const signUp = await postForm(`/c/${competition.slug}/signup`, { displayName: '李师傅', login: email, password: 'a long enough password' });
		expect(signUp.status).toBe(303);
		const signIn = await postForm('/login', { email, password: 'a long enough password' });
		expect(signIn.status).toBe(303);
		const wrong = await postForm(`/c/${competition.slug}/signup`, { displayName: '李师傅', login: '12345', password: 'a long enough password' });
		expect(wrong.status).toBe(400);
		expect(messageAt(await wrong.text(), 'field-login')).toBe(REGISTRATION.registration_login_invalid);
	});
});

describe('the public competition page', () => {
	it('shows the competition, its events and rules without sign-in, the funnel once there are entries, and 404 for a draft', async () => {
		const { owner, competition, eventId } = await openCompetition();
		const page = await get(`/c/${competition.slug}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(competition.title);
		expect(html).toContain('data-testid="public-event"');
		expect(html).toContain(registerPath(competition.slug, eventId));
		expect(html).not.toContain('data-testid="funnel"');
		// Server-rendered for weak networks: no client application is loaded.
		expect(html).not.toMatch(/<script[^>]*type="module"|import\(/);
		const { cookie } = await newContestant();
		expect((await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 1), cookie)).status).toBe(303);
		await db()`update entry set status = 'approved' where competition_id = ${competition.id}`;
		const withEntries = await (await get(`/c/${competition.slug}`)).text();
		expect(textOf(withEntries, 'funnel')).toBe('申报 1 · 通过初审 1');
		const draft = await newCompetitionFromTemplate(owner, 'skills_contest');
		expect((await get(`/c/${draft.slug}`)).status).toBe(404);
	});
});

describe('registering over HTTP form posts', () => {
	it('shows a wrong ID number’s message at the field, keeps what was typed, then registers the corrected form', async () => {
		const { competition, eventId } = await openCompetition();
		const { cookie } = await newContestant();
		const good = residentIdNumber(41, { gender: 'male' });
		const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
		const failed = await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 41, { 'members.0.idNumber': wrong, 'members.0.gender': 'male' }), cookie);
		expect(failed.status).toBe(400);
		const html = await failed.text();
		expect(messageAt(html, 'member-0-idNumber')).toBe(ENTRIES.entries_id_checksum);
		expect(html).toContain(`value="${wrong}"`);
		expect(html).toContain(`value="${entrant(41).name}"`);
		expect(html).toMatch(/id="member-0-idNumber"[^>]*aria-invalid="true"/);
		const fixed = await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 41, { 'members.0.idNumber': good, 'members.0.gender': 'male' }), cookie);
		expect(fixed.status).toBe(303);
		const [entry] = await db()<{ status: string; consentVersion: number; consentedAt: Date | null }[]>`select status, consent_version, consented_at from entry where competition_id = ${competition.id}`;
		expect(entry).toMatchObject({ status: 'submitted', consentVersion: 2 });
		expect(entry!.consentedAt).not.toBeNull();
	});

	it('refuses the same person twice, and puts an entry beyond the capacity on the waiting list', async () => {
		const { competition, eventId } = await openCompetition({ capacity: 1 });
		const first = await newContestant();
		const second = await newContestant();
		expect((await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 51), first.cookie)).status).toBe(303);
		const duplicate = await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 51), second.cookie);
		expect(duplicate.status).toBe(400);
		expect(messageAt(await duplicate.text(), 'member-0-idNumber')).toBe(ENTRIES.entries_error_already_registered);
		expect((await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 52), second.cookie)).status).toBe(303);
		const mine = await (await get('/my/entries', second.cookie)).text();
		expect(textOf(mine, 'entry-status')).toBe(ENTRIES.entries_status_waitlisted);
	});

	it('refuses without consent (message at the box) and once registration has closed by time or by stage', async () => {
		const { owner, competition, eventId } = await openCompetition();
		const { cookie } = await newContestant();
		const noConsent = await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 61, { consent: '' }), cookie);
		expect(noConsent.status).toBe(400);
		expect(messageAt(await noConsent.text(), 'field-consent')).toBe(ENTRIES.entries_error_consent_required);
		await updateRegistrationSettings(owner, competition.id, { registrationClosesAt: new Date(Date.now() - 60_000) });
		const late = await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 61), cookie);
		expect(late.status).toBe(409);
		expect(await late.text()).toContain(ENTRIES.entries_error_registration_closed);
		expect(await (await get(`/c/${competition.slug}`)).text()).toContain('data-testid="registration-closed"');
		await updateRegistrationSettings(owner, competition.id, { registrationClosesAt: null });
		await seedStatus(owner, competition.id, 'screening');
		expect((await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 61), cookie)).status).toBe(409);
		const [count] = await db()<{ count: number }[]>`select count(*)::int from entry where competition_id = ${competition.id}`;
		expect(count!.count).toBe(0);
	});
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('attachments', () => {
	it('refuses an oversize file and a program renamed .pdf, stores a real PDF and serves it only to the organiser, a judge and the uploader', async () => {
		const { owner, competition, eventId, roundId } = await openCompetition({ fileField: true });
		const contestant = await newContestant();
		const path = registerPath(competition.slug, eventId);

		const oversize = entryForm(eventId, 71);
		oversize.append('file.application_form', new File([Buffer.alloc(10 * 1024 * 1024 + 1, 0x25)], '申报表.pdf', { type: 'application/pdf' }));
		const big = await postMultipart(path, oversize, contestant.cookie);
		expect(big.status).toBe(400);
		expect(messageAt(await big.text(), 'extra-application_form')).toBe(REGISTRATION.registration_error_attachment_too_large!.replace('{megabytes}', '10'));

		const renamed = entryForm(eventId, 71);
		renamed.append('file.application_form', new File([EXE], '申报表.pdf', { type: 'application/pdf' }));
		const refused = await postMultipart(path, renamed, contestant.cookie);
		expect(refused.status).toBe(400);
		expect(messageAt(await refused.text(), 'extra-application_form')).toBe(REGISTRATION.registration_error_attachment_type);

		const real = entryForm(eventId, 71);
		real.append('file.application_form', new File([PDF], '申报表 "王".pdf', { type: 'application/octet-stream' }));
		expect((await postMultipart(path, real, contestant.cookie)).status).toBe(303);
		const [attachment] = await db()<{ id: string; contentType: string; entryId: string | null; uploadedBy: string }[]>`
			select id, content_type, entry_id, uploaded_by from attachment where competition_id = ${competition.id}`;
		expect(attachment).toMatchObject({ contentType: 'application/pdf', uploadedBy: contestant.user.id });
		expect(attachment!.entryId).not.toBeNull();

		const orgPath = `/orgs/${owner.organisation.slug}/attachments/${attachment!.id}`;
		const asOrganiser = await get(orgPath, await sessionCookie(owner.user.id));
		expect(asOrganiser.status).toBe(200);
		expect(asOrganiser.headers.get('content-type')).toBe('application/pdf');
		expect(asOrganiser.headers.get('content-disposition')).toBe(`attachment; filename="___ ___.pdf"; filename*=UTF-8''${encodeURIComponent('申报表 "王".pdf')}`);
		expect(asOrganiser.headers.get('x-content-type-options')).toBe('nosniff');
		expect(asOrganiser.headers.get('content-security-policy')).toBe('sandbox');
		expect(Buffer.from(await asOrganiser.arrayBuffer()).equals(PDF)).toBe(true);

		const judge = await newUser({ displayName: '评委' });
		const [judgeRow] = await db()<{ id: string }[]>`insert into judge (organisation_id, competition_id, user_id, name) values (${owner.organisation.id}, ${competition.id}, ${judge.id}, '评委') returning id`;
		expect((await get(orgPath, await sessionCookie(judge.id))).status).toBe(404);
		await db()`insert into panel_member (organisation_id, round_id, judge_id, role) values (${owner.organisation.id}, ${roundId}, ${judgeRow!.id}, 'judge')`;
		expect((await get(orgPath, await sessionCookie(judge.id))).status).toBe(200);

		const own = await get(`/my/attachments/${attachment!.id}`, contestant.cookie);
		expect(own.status).toBe(200);
		expect(own.headers.get('content-security-policy')).toBe('sandbox');
		expect((await get(orgPath, contestant.cookie)).status).toBe(404);
		const stranger = await newContestant();
		expect((await get(`/my/attachments/${attachment!.id}`, stranger.cookie)).status).toBe(404);
		const otherOrg = await newOrg();
		const otherCookie = await sessionCookie(otherOrg.user.id);
		expect((await get(orgPath, otherCookie)).status).toBe(404);
		expect((await get(`/orgs/${otherOrg.organisation.slug}/attachments/${attachment!.id}`, otherCookie)).status).toBe(404);
	});

});

describe('my entries', () => {
	it('lets the contestant edit and withdraw until screening starts, then refuses both', async () => {
		const { owner, competition, eventId } = await openCompetition();
		const { cookie } = await newContestant();
		await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 81), cookie);
		const [entry] = await db()<{ id: string }[]>`select id from entry where competition_id = ${competition.id}`;
		const edit = await get(`/my/entries/${entry!.id}/edit`, cookie);
		expect(edit.status).toBe(200);
		// The person who typed the ID number sees it again to correct it; nobody else gets this page.
		expect(await edit.text()).toContain(`value="${entrant(81).idNumber}"`);
		expect((await get(`/my/entries/${entry!.id}/edit`, (await newContestant()).cookie)).status).toBe(404);
		const saved = await postMultipart(`/my/entries/${entry!.id}/edit`, entryForm(eventId, 81, { 'members.0.unit': '县第二机械厂' }), cookie);
		expect(saved.status).toBe(303);
		const [changed] = await db()<{ unit: string }[]>`select unit from entry where id = ${entry!.id}`;
		expect(changed!.unit).toBe('县第二机械厂');

		await seedStatus(owner, competition.id, 'screening');
		expect((await get(`/my/entries/${entry!.id}/edit`, cookie)).status).toBe(409);
		expect((await postMultipart(`/my/entries/${entry!.id}/edit`, entryForm(eventId, 81), cookie)).status).toBe(409);
		const withdraw = await postForm('/my/entries?/withdraw', { entryId: entry!.id }, cookie);
		expect(withdraw.status).toBe(409);
		expect(await withdraw.text()).toContain(ENTRIES.entries_error_entry_locked);
		await db()`update entry set status = 'rejected', status_reason = '工龄不足五年' where id = ${entry!.id}`;
		const list = await (await get('/my/entries', cookie)).text();
		expect(textOf(list, 'entry-status')).toBe(ENTRIES.entries_status_rejected);
		expect(list).toContain('工龄不足五年');
		expect(list).not.toContain(`/my/entries/${entry!.id}/edit`);
	});

	it('withdraws an entry before screening and gives its place to the waiting list', async () => {
		const { competition, eventId } = await openCompetition({ capacity: 1 });
		const first = await newContestant();
		const second = await newContestant();
		await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 91), first.cookie);
		await postMultipart(registerPath(competition.slug, eventId), entryForm(eventId, 92), second.cookie);
		const [mine] = await db()<{ id: string }[]>`select id from entry where registrant_id = ${first.user.id}`;
		// A reason too long is refused at its field, with what was typed kept, and nothing withdrawn.
		const tooLong = await postForm('/my/entries?/withdraw', { entryId: mine!.id, reason: `不想参加了${'啊'.repeat(1000)}` }, first.cookie);
		expect(tooLong.status).toBe(400);
		const refused = await tooLong.text();
		expect(refused).toMatch(new RegExp(`<p id="withdraw-reason-error-${mine!.id}"[^>]*role="alert"[^>]*>[^<]+</p>`));
		expect(refused).toMatch(new RegExp(`<textarea[^>]*id="withdraw-reason-${mine!.id}"[^>]*aria-invalid="true"`));
		expect(refused).toContain('不想参加了啊啊');
		expect((await db()<{ status: string }[]>`select status from entry where id = ${mine!.id}`)[0]!.status).toBe('submitted');
		const withdraw = await postForm('/my/entries?/withdraw', { entryId: mine!.id, reason: '单位临时有任务，不能参加' }, first.cookie);
		expect(withdraw.status).toBe(200);
		const [reason] = await db()<{ statusReason: string }[]>`select status_reason from entry where id = ${mine!.id}`;
		expect(reason!.statusReason).toBe('单位临时有任务，不能参加');
		const statuses = await db()<{ registrantId: string; status: string }[]>`select registrant_id, status from entry where competition_id = ${competition.id}`;
		expect(statuses.find((row) => row.registrantId === first.user.id)!.status).toBe('withdrawn');
		expect(statuses.find((row) => row.registrantId === second.user.id)!.status).toBe('submitted');
		// Another contestant cannot withdraw someone else's entry.
		const [theirs] = await db()<{ id: string }[]>`select id from entry where registrant_id = ${second.user.id}`;
		expect((await postForm('/my/entries?/withdraw', { entryId: theirs!.id }, first.cookie)).status).toBe(404);
	});
});

describe('organiser registration settings', () => {
	it('saves the close time in Beijing time, raises the notice version when its text changes, and is 404 to another organisation', async () => {
		const { owner, competition } = await openCompetition();
		const cookie = await sessionCookie(owner.user.id);
		const path = `/orgs/${owner.organisation.slug}/competitions/${competition.id}/registration`;
		expect((await get(path, cookie)).status).toBe(200);
		const saved = await postForm(`${path}?/settings`, { registrationClosesAt: '2030-05-01T18:00', privacyNotice: '新的告知文字', allowMultipleEvents: 'on' }, cookie);
		expect(saved.status).toBe(200);
		const [row] = await db()<{ registrationClosesAt: Date; privacyNoticeVersion: number; allowMultipleEvents: boolean; screeningTwoPerson: boolean }[]>`
			select registration_closes_at, privacy_notice_version, allow_multiple_events, screening_two_person from competition where id = ${competition.id}`;
		expect(row!.registrationClosesAt.toISOString()).toBe('2030-05-01T10:00:00.000Z');
		expect(row).toMatchObject({ privacyNoticeVersion: 3, allowMultipleEvents: true, screeningTwoPerson: false });
		const fields = await postForm(`${path}?/fields`, { 'fields.0.key': 'years', 'fields.0.label': '工龄', 'fields.0.kind': 'number', 'fields.0.order': '1', 'fields.0.required': 'on', 'fields.1.key': 'Bad Key', 'fields.1.label': '错', 'fields.1.kind': 'text' }, cookie);
		expect(fields.status).toBe(400);
		expect(messageAt(await fields.text(), 'fields-1-key')).toBe(REGISTRATION.registration_field_key_invalid);
		const other = await newOrg();
		expect((await get(`/orgs/${other.organisation.slug}/competitions/${competition.id}/registration`, await sessionCookie(other.user.id))).status).toBe(404);
		const withOtherPath = `/orgs/${other.organisation.slug}/competitions/${competition.id}/registration?/settings`;
		expect((await postForm(withOtherPath, { privacyNotice: '被改了' }, await sessionCookie(other.user.id))).status).toBe(404);
	});
});

describe('a team event', () => {
	it('adds member blocks without scripts and checks each member like an individual', async () => {
		const { owner, competition } = await openCompetition();
		const event = await addEvent(owner, competition.id, { name: '团体赛', participation: 'team', capacity: null });
		await updateRegistrationSettings(owner, competition.id, { teamSizes: [{ eventId: event.id, min: 2, max: 3 }] });
		const { cookie } = await newContestant();
		const path = registerPath(competition.slug, event.id);
		const form = entryForm(event.id, 101);
		form.append('teamName', '一车间');
		form.append('unit', '县机械厂');
		form.append('intent', 'add_member');
		const added = await postMultipart(path, form, cookie);
		expect(added.status).toBe(200);
		expect((await added.text()).match(/data-testid="member"/g)).toHaveLength(2);
		const team = entryForm(event.id, 101);
		team.append('teamName', '一车间');
		team.append('unit', '县机械厂');
		for (const [key, value] of Object.entries({ name: '队员二', gender: 'male', idType: 'resident_id', idNumber: '330523198503120000', phone: '13900000000', unit: '县机械厂' })) team.append(`members.1.${key}`, value);
		const wrong = await postMultipart(path, team, cookie);
		expect(wrong.status).toBe(400);
		expect(messageAt(await wrong.text(), 'member-1-idNumber')).toBe(ENTRIES.entries_id_checksum);
	});
});

// Last: the server answers 413 before reading the body and closes that connection.
describe('body size', () => {
	it('keeps the 512 KiB cap on every other form', async () => {
		const { competition } = await openCompetition();
		const big = await postForm(`/c/${competition.slug}/signup`, { displayName: 'x'.repeat(600_000), login: randomPhone(), password: 'a long enough password' });
		expect(big.status).toBe(413);
	});
});
