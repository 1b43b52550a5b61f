import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createSession } from '../../src/lib/server/auth/session';
import { newOrg, newUser } from '../fixtures/factories';
import { listMembers } from '../../src/lib/server/organisations/service';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { callApi, httpWorld, isApiError, listApiEndpoints, postForm, type HttpWorld } from './http-targets';
import { competitionFields, TEXTILE_SCHEME } from '../fixtures/competitions';
import { entrant, residentIdNumber } from '../fixtures/people';

// Whatever arrives, a form or API call answers with a clear 4xx or a success, never a 500.
const JUNK: Record<string, string[]>[] = [
	{},
	{ email: [''], password: [''], name: [''], role: [''], userId: [''], tokenId: [''], locale: [''] },
	{ email: ['a@b.cn', 'c@d.cn'], role: ['owner', 'organiser'], userId: ['1', '2'] },
	{ email: ['x'.repeat(10_000)], displayName: ['名'.repeat(5_000)], password: ['p'.repeat(100_000)], name: ['\u0000\u202e'], slug: ['../../etc'] },
	{ userId: ["' or 1=1 --"], tokenId: ['00000000-0000-0000-0000-000000000000'], role: ['platform_admin'], locale: ['fr'], allowSignUp: ['maybe'] }
];

function formOf(fields: Record<string, string[]>): FormData {
	const form = new FormData();
	for (const [key, values] of Object.entries(fields)) for (const value of values) form.append(key, value);
	return form;
}

describe('bad input', () => {
	it('never makes a form action fail with a 500', async () => {
		const owner = await newOrg();
		const admin = await newUser({ isPlatformAdmin: true });
		const app = inject('appUrl');
		const sessionOf = async (userId: string) => `jiangxin_session=${(await createSession(db(), userId, new Date())).token}`;
		const ownerCookie = await sessionOf(owner.user.id);
		const adminCookie = await sessionOf(admin.id);
		const slug = owner.organisation.slug;
		const targets: [string, string | null][] = [
			['/login', null],
			['/setup', null],
			[`/signup/${slug}`, null],
			['/language', ownerCookie],
			['/account?/changePassword', ownerCookie],
			[`/orgs/${slug}/members?/addMember`, ownerCookie],
			[`/orgs/${slug}/members?/changeRole`, ownerCookie],
			[`/orgs/${slug}/members?/removeMember`, ownerCookie],
			[`/orgs/${slug}/settings?/save`, ownerCookie],
			[`/orgs/${slug}/api-tokens?/create`, ownerCookie],
			[`/orgs/${slug}/api-tokens?/revoke`, ownerCookie],
			['/admin/organisations?/create', adminCookie]
		];
		const statuses: string[] = [];
		for (const [path, cookie] of targets) {
			for (const fields of JUNK) {
				const response = await fetch(`${app}${path}`, {
					method: 'POST',
					body: formOf(fields),
					redirect: 'manual',
					headers: { origin: app, accept: 'application/json', 'x-sveltekit-action': 'true', ...(cookie ? { cookie } : {}) }
				});
				if (response.status >= 500) statuses.push(`${path} ${JSON.stringify(fields).slice(0, 80)} → ${response.status}`);
			}
		}
		expect(statuses).toEqual([]);
	}, 60_000);

	it('never makes the API fail with a 500', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'fuzz');
		const app = inject('appUrl');
		const bodies = ['', 'null', '[]', '{"email": {"$gt": ""}}', '"text"', '{"role": null, "email": 42}', '{'.repeat(5_000)];
		const failures: string[] = [];
		for (const [method, path] of [['POST', '/members'], ['PATCH', `/members/${owner.user.id}`], ['PATCH', '/members/not-an-id'], ['GET', '/audit-log?before=abc&from=2026-02-30']]) {
			for (const body of bodies) {
				const response = await fetch(`${app}/api/v1${path}`, {
					method,
					body: method === 'GET' ? undefined : body,
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
				});
				if (response.status >= 500) failures.push(`${method} ${path} ${body.slice(0, 30)} → ${response.status}`);
				expect(response.headers.get('content-type')).toContain('application/json');
			}
		}
		expect(failures).toEqual([]);
		// Nothing above changed anything.
		expect((await listMembers(owner)).map(({ userId, role }) => ({ userId, role }))).toEqual([{ userId: owner.user.id, role: 'owner' }]);
	}, 60_000);
});

const catalogue = (locale: string) => JSON.parse(readFileSync(`src/lib/i18n/messages/http/${locale}.json`, 'utf8')) as Record<string, string>;

// Bodies no form can be read from. Each must be refused with its status and a message in the
// asker's language, as SvelteKit's action result (`use:enhance` shows it).
const UNREADABLE_FORMS: { name: string; body: string | null; type?: string; origin?: string; status: number; message: string }[] = [
	{ name: 'text/plain', body: 'email=a@b.cn&password=x', type: 'text/plain', status: 415, message: 'http_form_media_type' },
	{ name: 'another site', body: 'email=a@b.cn', type: 'application/x-www-form-urlencoded', origin: 'http://evil.test', status: 403, message: 'http_cross_site_form' },
	{ name: 'JSON', body: '{"email":"a@b.cn"}', type: 'application/json', status: 415, message: 'http_form_media_type' },
	{ name: 'no content type, no body', body: null, status: 415, message: 'http_form_media_type' },
	{ name: 'multipart without a boundary', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n', type: 'multipart/form-data', status: 400, message: 'http_form_unreadable' },
	{ name: 'broken multipart', body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished', type: 'multipart/form-data; boundary=abc', status: 400, message: 'http_form_unreadable' },
	{ name: 'over the size limit', body: `a=${'x'.repeat(600_000)}`, type: 'application/x-www-form-urlencoded', status: 413, message: 'http_body_too_large' }
];

// Well-formed forms whose every text field carries what must never reach the database.
const NUL = 'a\u0000b';
const BAD_TEXT_FORM: Record<string, string> = Object.fromEntries(
	['title', 'name', 'displayName', 'organisationName', 'ownerDisplayName', 'eventName', 'organiser', 'venue', 'description', 'reason', 'email', 'ownerEmail', 'password', 'newPassword', 'confirmPassword', 'currentPassword', 'slug', 'organisationSlug', 'locale', 'role', 'to', 'reasons', 'reasonPreset', 'reasonText'].map((field) => [field, NUL])
);
const schemeWith = (label: string) => JSON.stringify({ ...TEXTILE_SCHEME, components: TEXTILE_SCHEME.components.map((component) => ({ ...component, label: { 'zh-CN': label, en: 'x' } })) });

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
}

/** An action's answer as `use:enhance` reads it: 4xx answers are a failure (errors by field) or an error (a message). */
async function actionResult(response: Response): Promise<{ type: string; status: number; errors?: string; message?: string }> {
	const body = await response.json();
	return { type: body.type, status: body.status ?? response.status, errors: body.data, message: body.error?.message };
}

describe('malformed input, table by table', () => {
	let world: HttpWorld;
	beforeAll(async () => {
		world = await httpWorld();
	});

	it('finds every form action', () => {
		const paths = world.formTargets.map((target) => target.path.replace(world.owner.organisation.slug, '{org}').replace(world.competitionId, '{c}').replace(world.roundId, '{r}'));
		expect(paths).toEqual(expect.arrayContaining(['/login', '/language', '/logout', '/orgs/{org}/competitions/{c}?/addEvent', '/orgs/{org}/competitions/{c}/rounds/{r}/scheme?/save', '/admin/organisations?/create']));
		expect(paths.length).toBeGreaterThanOrEqual(24);
	});

	it('refuses an unreadable body at every form action with 400, 413 or 415 in the asker’s language', async () => {
		const failures: string[] = [];
		for (const [index, target] of world.formTargets.entries()) {
			for (const bad of UNREADABLE_FORMS) {
				// Registration forms carry attachments: their cap is 26 MB (registration-http.test.ts checks files over 10 MB).
				if (bad.name === 'over the size limit' && /^\/(c\/[^/]+\/register|my\/entries\/[^/]+\/edit)/.test(target.path)) continue;
				const locale = index % 2 === 0 ? 'zh-CN' : 'en';
				const response = await postForm(world, target, bad.body, { ...(bad.type ? { 'content-type': bad.type } : {}), ...(bad.origin ? { origin: bad.origin } : {}) }, locale);
				const result = await actionResult(response);
				const expected = catalogue(locale)[bad.message];
				if (result.status !== bad.status || result.type !== 'error' || result.message !== expected) {
					failures.push(`${target.path} ${bad.name} → ${result.status} ${result.type} ${result.message}`);
				}
			}
		}
		expect(failures).toEqual([]);
	}, 120_000);

	it('refuses NUL in every text field, and bad dates and numbers, at every form action without a 5xx', async () => {
		const failures: string[] = [];
		const badDates = { ...competitionFields(), startsOn: '0000-01-01', endsOn: '0000-12-31', name: '工种' };
		const bodies = [
			BAD_TEXT_FORM,
			{ ...badDates, capacity: '0x10', scheme: schemeWith(NUL) },
			{ ...badDates, capacity: 'true', scheme: schemeWith('ev\ud800'), eventId: world.foreign.eventId, roundId: world.foreign.roundId, sourceRoundId: world.foreign.roundId }
		];
		// Signing out reads no body, and would end the session the other cases use.
		for (const target of world.formTargets.filter((candidate) => candidate.path !== '/logout')) {
			for (const fields of bodies) {
				const response = await postForm(world, target, form(fields));
				if (response.status >= 500) failures.push(`${target.path} → ${response.status}`);
				if (response.status >= 400) {
					const result = await actionResult(response);
					if (!['failure', 'error'].includes(result.type) || (result.type === 'failure' && !result.errors)) failures.push(`${target.path} → ${response.status} ${result.type}`);
				} else if (fields === BAD_TEXT_FORM && response.headers.get('content-type')?.includes('json') && (await response.json()).type === 'success') {
					failures.push(`${target.path} took NUL in its fields`);
				}
			}
		}
		expect(failures).toEqual([]);
	}, 120_000);

	it('says which field is wrong: a NUL or lone surrogate in a scheme label, a year-0000 date, a capacity of true or "0x10"', async () => {
		const competition = `/orgs/${world.owner.organisation.slug}/competitions/${world.competitionId}`;
		const target = (path: string) => ({ path, signedIn: true, admin: false });
		const save = async (scheme: string) => actionResult(await postForm(world, target(`${competition}/rounds/${world.roundId}/scheme?/save`), form({ scheme, reason: '' })));
		expect(await save(schemeWith(NUL))).toMatchObject({ status: 400, type: 'failure', errors: expect.stringContaining('components.0.label.zh-CN') });
		expect(await save(schemeWith('ev\ud800'))).toMatchObject({ status: 400, type: 'failure', errors: expect.stringContaining('components.0.label.zh-CN') });
		const update = await actionResult(await postForm(world, target(`${competition}?/update`), form({ ...competitionFields(), startsOn: '0000-01-01' })));
		expect(update).toMatchObject({ status: 400, type: 'failure', errors: expect.stringContaining('startsOn') });
		for (const capacity of ['true', '0x10', ' ', '1e3']) {
			const added = await actionResult(await postForm(world, target(`${competition}?/addEvent`), form({ name: '车工', participation: 'individual', capacity })));
			expect(added, capacity).toMatchObject({ status: 400, type: 'failure', errors: expect.stringContaining('capacity') });
		}
		expect(await actionResult(await postForm(world, target(`${competition}?/addEvent`), form({ name: '车工', participation: 'individual', capacity: '16' })))).toMatchObject({ type: 'success' });
	});

	it('answers 404, not 500, for an unknown or another organisation’s competition or round in a page URL', async () => {
		const org = `/orgs/${world.owner.organisation.slug}/competitions`;
		const unknown = crypto.randomUUID();
		const pages = [
			`${org}/${unknown}`,
			`${org}/${world.foreign.competitionId}`,
			`${org}/${world.competitionId}/rounds/${unknown}/scheme`,
			`${org}/${world.competitionId}/rounds/${world.foreign.roundId}/scheme`,
			`${org}/${world.foreign.competitionId}/rounds/${world.roundId}/scheme`
		];
		for (const page of pages) {
			for (const suffix of ['', '/__data.json']) {
				const response = await fetch(`${world.app}${page}${suffix}`, { headers: { cookie: world.ownerCookie }, redirect: 'manual' });
				expect(response.status, page + suffix).toBe(suffix ? 200 : 404); // a data request carries its error inside
				if (suffix) expect(await response.text()).toContain('"status":404');
			}
		}
	});

	it('refuses year-0000 dates in the audit-log filters (page and API)', async () => {
		const page = await fetch(`${world.app}/orgs/${world.owner.organisation.slug}/audit?from=0000-01-01&until=0000-12-31`, { headers: { cookie: world.ownerCookie } });
		expect(page.status).toBe(200);
		const api = await callApi(world, 'GET', '/audit-log?from=0000-01-01');
		expect(api.status).toBe(400);
		expect(await api.json()).toMatchObject({ error: { code: 'validation_failed', fields: { from: expect.any(String) } } });
	});

	it('refuses NUL and lone surrogates in every text field of every API body with a 400 in the error shape', async () => {
		const failures: string[] = [];
		for (const [endpoint, body] of Object.entries(validApiBodies(world))) {
			const [method, template] = endpoint.split(' ') as [string, string];
			for (const [fieldPath, mutated] of stringMutations(body)) {
				const response = await callApi(world, method, apiPath(world, template), JSON.stringify(mutated));
				const answer = await response.json().catch(() => null);
				if (response.status !== 400 || !isApiError(answer)) failures.push(`${endpoint} ${fieldPath} → ${response.status} ${JSON.stringify(answer).slice(0, 100)}`);
			}
		}
		expect(failures).toEqual([]);
	}, 120_000);

	it('refuses year-0000 dates and capacities of true or "0x10" in the API, and takes "16"', async () => {
		const dates = await callApi(world, 'PATCH', `/competitions/${world.competitionId}`, JSON.stringify({ ...competitionFields(), startsOn: '0000-01-01' }));
		expect(await dates.json()).toMatchObject({ error: { code: 'validation_failed', fields: { startsOn: expect.any(String) } } });
		for (const capacity of [true, '0x10', ' 1e1', 1.5, 0]) {
			const response = await callApi(world, 'POST', `/competitions/${world.competitionId}/events`, JSON.stringify({ name: `车工 ${String(capacity)}`, capacity }));
			expect(response.status, String(capacity)).toBe(400);
			expect(await response.json()).toMatchObject({ error: { code: 'validation_failed', fields: { capacity: expect.any(String) } } });
		}
		const digits = await callApi(world, 'POST', `/competitions/${world.competitionId}/events`, JSON.stringify({ name: '铣工', capacity: '16' }));
		expect(await digits.json()).toMatchObject({ capacity: 16 });
	});

	it('answers 415 for JSON sent as text/plain or multipart, 413 over the size limit, 405 for a missing method, all in the error shape', async () => {
		const cases: [string, string, string | undefined, string | undefined, number, string][] = [
			['POST', '/competitions', JSON.stringify(competitionFields()), 'text/plain', 415, 'unsupported_media_type'],
			['POST', '/competitions', '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--\r\n', 'multipart/form-data; boundary=b', 415, 'unsupported_media_type'],
			['POST', '/competitions', JSON.stringify({ ...competitionFields(), description: 'x'.repeat(600_000) }), 'application/json', 413, 'payload_too_large'],
			['POST', '/competitions', '{"title": ', 'application/json', 400, 'invalid_json'],
			['DELETE', '/organisation', undefined, undefined, 405, 'method_not_allowed'],
			['PUT', '/competitions', '{}', 'application/json', 405, 'method_not_allowed']
		];
		for (const [method, path, body, type, status, code] of cases) {
			const response = await callApi(world, method, path, body, type);
			const answer = await response.json();
			expect({ path, method, type, status: response.status }).toEqual({ path, method, type, status });
			expect(answer).toMatchObject({ error: { code } });
			expect(isApiError(answer)).toBe(true);
		}
		expect((await callApi(world, 'DELETE', '/organisation')).headers.get('allow')).toContain('GET');
	});

	it('has a valid body for every API operation that takes one, so the NUL and surrogate table covers them all', async () => {
		const document = await (await fetch(`${world.app}/api/v1/openapi.json`)).json();
		const withBodies = Object.entries(document.paths as Record<string, Record<string, { requestBody?: unknown }>>).flatMap(([path, operations]) =>
			Object.entries(operations).filter(([, operation]) => operation.requestBody).map(([method]) => `${method.toUpperCase()} ${path}`)
		);
		expect(Object.keys(validApiBodies(world)).sort()).toEqual(withBodies.sort());
	});

	it('documents every API endpoint in the OpenAPI document', async () => {
		const document = await (await fetch(`${world.app}/api/v1/openapi.json`)).json();
		const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
		expect(listApiEndpoints().sort()).toEqual(documented.sort());
		expect(documented).toContain('GET /scheme-templates');
	});
});

function apiPath(world: HttpWorld, template: string): string {
	const ids: Record<string, string> = {
		'/competitions/': world.competitionId,
		'/events/': world.eventId,
		'/rounds/': world.roundId,
		'/members/': world.owner.user.id,
		'/judges/': crypto.randomUUID(),
		'/entries/': crypto.randomUUID(),
		'/certificates/': crypto.randomUUID(),
		'/nominations/': crypto.randomUUID(),
		'/recommendations/': crypto.randomUUID()
	};
	return template
		.replace(/(\/\w+\/)\{\w+\}/, (_match, prefix: string) => `${prefix}${ids[prefix]}`)
		.replace('{roundId}', world.roundId)
		.replace(/\{(judgeId|entryId|objectionId|appealId|userId|quotaId)\}/g, () => crypto.randomUUID())
		.replace('{componentKey}', 'practical');
}

/** A valid body for every API call that takes one (keyed as in the OpenAPI document). */
function validApiBodies(world: HttpWorld): Record<string, unknown> {
	const { kind, ...fields } = competitionFields();
	const event = { name: '数控车工', participation: 'individual', capacity: 20 };
	// Every string of it is checked (birthDate is derived from the ID number, so it is not sent).
	const { birthDate: _birthDate, ...person } = entrant(1);
	const entryBody = { eventId: world.eventId, teamName: '一车间', unit: '县机械厂', members: [person], extra: {} };
	return {
		'POST /members': { email: `new-${crypto.randomUUID().slice(0, 8)}@example.test`, role: 'organiser' },
		'PATCH /members/{userId}': { role: 'owner' },
		'POST /invitations': { email: `invited-${crypto.randomUUID().slice(0, 8)}@example.test`, role: 'organiser' },
		'POST /competitions': { kind, ...fields, template: 'skills_contest', eventName: '车工' },
		'PATCH /competitions/{id}': fields,
		'POST /competitions/{id}/advance': { to: 'registration' },
		'POST /competitions/{id}/step-back': { reason: '报名表要补充字段' },
		'POST /competitions/{id}/events': event,
		'PATCH /events/{id}': event,
		'POST /events/{id}/rounds': { name: '决赛', blind: true },
		'PATCH /rounds/{id}': { name: '初赛', blind: false },
		'PUT /rounds/{id}/scheme': { scheme: { ...TEXTILE_SCHEME, components: TEXTILE_SCHEME.components.map((component) => ({ ...component, label: { 'zh-CN': '理论', en: 'Theory' } })) }, reason: '调整' },
		'POST /rounds/{id}/scheme/copy': { sourceRoundId: world.roundId, reason: '复制' },
		'POST /rounds/{id}/draw/commit': { stage: 2, stationLabels: ['A01', 'A02'] },
		'POST /rounds/{id}/draw/run': { stage: 1 },
		'POST /rounds/{id}/draw/reveal': { stage: 1 },
		'POST /competitions/{id}/judges': { name: '王建国', unit: '县职业技术学校', phone: '13812345678', specialty: '数控车', email: 'wang@example.test' },
		'PATCH /judges/{id}': { name: '王建国', unit: '县职业技术学校', phone: '', specialty: '数控车', email: '' },
		'PUT /rounds/{id}/panel': { members: [{ judgeId: crypto.randomUUID(), role: 'head' }] },
		'POST /rounds/{id}/conflicts': { judgeId: crypto.randomUUID(), entryId: crypto.randomUUID(), kind: 'relative', note: '表兄弟' },
		// Live judging, a judge's writes (issue 15, hcore)
		'PUT /rounds/{id}/sheets/{judgeId}/{entryId}/{componentKey}': {
			operationId: crypto.randomUUID(),
			kind: 'save',
			scores: { process: 1850 },
			deductions: { defect: 1 },
			note: '纸质评分表录入',
			baseVersion: null,
			clientTime: '2026-12-01T09:30:00+08:00'
		},
		'POST /competitions/{id}/entries/import': {
			rows: [{ name: '张伟', gender: '男', idType: '居民身份证', idNumber: residentIdNumber(1, { gender: 'male' }), phone: '13800000001', unit: '县机械厂', trade: '车工', level: '高级工', event: '数控车工', extra: {} }],
			dryRun: true
		},
		// Screening (初审)
		'POST /competitions/{id}/entries': entryBody,
		'PATCH /entries/{id}': entryBody,
		'POST /entries/{id}/withdraw': { reason: '本人放弃' },
		'POST /entries/{id}/decision': { decision: 'reject', reason: '材料不全' },
		'POST /competitions/{id}/entries/decisions': { decision: 'reject', reason: '材料不全', entryIds: [crypto.randomUUID()], filter: { q: '选手', unit: '县机械厂' } },
		'PUT /screening-reasons': { reasons: ['材料不全', '工龄不足'] },
		'PATCH /competitions/{id}/registration': { registrationClosesAt: '2030-05-01T18:00:00+08:00', allowMultipleEvents: false, privacyNotice: '报名信息仅用于本次竞赛。', screeningTwoPerson: true },
		'PUT /competitions/{id}/registration-fields': { fields: [{ key: 'years', label: '工龄', kind: 'number', required: true }, { key: 'award', label: '获奖情况', kind: 'choice', options: ['省级', '市级'] }] },
		// Entered components and the paper fallback (issue 15, panel part)
		'POST /rounds/{id}/entered-values': { entryId: crypto.randomUUID(), componentKey: 'theory', value: 8750 },
		'POST /rounds/{id}/entered-values/import': { rows: [{ number: 1, values: { theory: 8750 } }] },
		'PUT /rounds/{id}/deduction-counts': { counts: [{ entryId: crypto.randomUUID(), componentKey: 'practical', itemKey: 'defect', count: 1 }] },
		'PUT /rounds/{id}/finish-times': { times: [{ entryId: crypto.randomUUID(), finishedAt: '2026-05-01 10:32:05' }] },
		'POST /rounds/{id}/paper-keyings': { judgeId: crypto.randomUUID(), entryId: crypto.randomUUID(), componentKey: 'practical', scores: { workmanship: 8000 }, deductions: { defect: 1 } },
		// The live board (issue 15)
		'PUT /rounds/{id}/board': { showsStandings: true },
		// The head judge and the organiser run a round's scoring (issue 15).
		'POST /rounds/{id}/sheet-returns': { judgeId: crypto.randomUUID(), entryId: crypto.randomUUID(), componentKey: 'practical', reason: '第3项漏评，请补评' },
		'POST /rounds/{id}/sheet-unlocks': { judgeId: crypto.randomUUID(), entryId: crypto.randomUUID(), componentKey: 'practical', reason: '复核发现录入错误' },
		'POST /rounds/{id}/absences': { judgeId: crypto.randomUUID(), entryId: crypto.randomUUID(), reason: '身体不适离场' },
		// The organisers' review of public votes (issue 16, rigging part)
		'POST /rounds/{id}/vote-review/void': { cluster: { entryId: crypto.randomUUID(), addressPrefixHash: 'prefix-hash' }, reasonClass: 'bought_votes', reason: '同一网段三小时内集中投票' },
		'POST /rounds/{id}/vote-review/restore': { voteIds: [crypto.randomUUID()], reason: '核实为同一单位职工正常投票' },
		// Public voting, the policy (issue 16, vote part)
		// Publication, objections and appeals (issue 17, publication part).
		'POST /competitions/{id}/objections': { roundId: world.roundId, name: '张三', contact: '13800138000', body: '第3号的扣分与现场不符' },
		'POST /competitions/{id}/objections/{objectionId}/answer': { answer: '经复核，维持原结果' },
		'POST /competitions/{id}/appeals/{appealId}/decision': { decision: 'upheld', requiresRescore: true, reason: '录入有误，须重新评分' },
		'POST /competitions/{id}/appeals/{appealId}/rescore': { versionId: crypto.randomUUID() },
		'PUT /rounds/{id}/appeal-window': { minutes: 120 },
		'POST /entries/{id}/appeals': { roundId: world.roundId, body: '第二位裁判的工艺分有误' },
		'PUT /rounds/{id}/vote-policy': { opensAt: '2026-05-01T00:00:00+08:00', closesAt: '2026-05-08 20:00', votesPerVoterPerDay: 3, votesPerCandidatePerVoterPerDay: 1, countsShown: 'daily', dailyPublishTime: '20:00', identityMode: 'device', baseCost: 20000, shareTitle: '请为身边的工匠投票', shareDescription: '每人每天三票' },
		// Results core (issue 17, results part)
		'POST /competitions/{id}/rounds/{roundId}/results/compute': { reason: '申诉复核后重算' },
		'POST /competitions/{id}/rounds/{roundId}/results/verify': { versionId: crypto.randomUUID() },
		'POST /competitions/{id}/rounds/{roundId}/results/special-awards': { entryId: crypto.randomUUID(), title: '工匠特别奖', reason: '带徒传艺三十年' },
		'DELETE /competitions/{id}/rounds/{roundId}/results/special-awards': { awardId: crypto.randomUUID(), reason: '评审组复议撤销' },
		'POST /competitions/{id}/rounds/{roundId}/results/publish': { startsAt: '2026-12-01T08:00:00+08:00', days: 7 },
		// Certificates (issue 17, certificates part)
		'PUT /competitions/{id}/certificate-template': { orientation: 'landscape', title: '荣誉证书', organiserLine: '安吉县总工会', body: '在{competition}（{event}）中荣获{award}。', printedOn: '2026-05-01', serialPrefix: 'AJGJ', serialWidth: 4 },
		'POST /certificates/{id}/revoke': { reason: '经复核成绩有误' },
		// Upward recommendation (issue 17, recommend part)
		'POST /competitions/{id}/nomination-quotas': { childOrganisation: 'anji-union', eventId: world.eventId, quota: 12 },
		'PATCH /competitions/{id}/nomination-quotas/{quotaId}': { quota: 9 },
		'POST /nominations/{quotaId}/recommendations': { resultVersionId: crypto.randomUUID(), entryId: crypto.randomUUID(), note: '连续三年获县级工匠称号' },
		'POST /recommendations/{recommendationId}/withdraw': { reason: '本人放弃' },
		'POST /scoring/evaluate': {
			scheme: TEXTILE_SCHEME,
			input: { entries: [{ id: 'e1', number: 1, unit: '一厂', entered: { theory: 9000 }, sheets: { practical: [{ judgeId: 'J1', scores: { workmanship: 8000 } }] } }] }
		}
	};
}

/** For every string in a JSON value: copies with a NUL and with a lone surrogate in its place. */
function stringMutations(value: unknown, path = ''): [string, unknown][] {
	if (typeof value === 'string') return [[`${path} NUL`, `${value}\u0000`], [`${path} surrogate`, `${value}\ud800`]];
	if (Array.isArray(value)) return value.flatMap((item, index) => stringMutations(item, `${path}.${index}`).map(([where, mutated]) => [where, value.map((other, at) => (at === index ? mutated : other))] as [string, unknown]));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => stringMutations(item, `${path}.${key}`).map(([where, mutated]) => [where, { ...value, [key]: mutated }] as [string, unknown]));
	}
	return [];
}
