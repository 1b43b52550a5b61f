import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { addEvent } from '../../src/lib/server/competitions/structure-service';
import { loadWorkbookForInspection, readFirstSheet } from '../../src/lib/server/workbooks/xlsx';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { joinOrg, newOrg } from '../fixtures/factories';
import { newCompetition, seedStatus } from '../fixtures/competitions';
import { entrant, residentIdNumber } from '../fixtures/people';
import { isApiError } from './http-targets';
import { sessionCookie } from './http-helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface World {
	owner: OrgActor;
	token: string;
	cookie: string;
	competitionId: string;
	eventId: string;
	teamEventId: string;
}

async function newWorld(): Promise<World> {
	const owner = await newOrg();
	const competition = await newCompetition(owner);
	const event = await addEvent(owner, competition.id, { name: '数控车工', participation: 'individual', capacity: null });
	const team = await addEvent(owner, competition.id, { name: '团体赛', participation: 'team', capacity: null });
	await db()`insert into registration_field (organisation_id, competition_id, key, label, kind, options, required, position) values
		(${owner.organisation.id}, ${competition.id}, 'work_years', '工龄', 'number', '[]'::jsonb, false, 1),
		(${owner.organisation.id}, ${competition.id}, 'shift', '班次', 'choice', '["早班","晚班"]'::jsonb, false, 2),
		(${owner.organisation.id}, ${competition.id}, 'scan', '申报表', 'file', '[]'::jsonb, false, 3)`;
	await seedStatus(owner, competition.id, 'registration');
	return { owner, token: (await createApiToken(owner, '报名系统')).token, cookie: await sessionCookie(owner.user.id), competitionId: competition.id, eventId: event.id, teamEventId: team.id };
}

function api(world: World, method: string, path: string, body?: BodyInit, contentType?: string, locale = 'zh-CN') {
	return fetch(`${inject('appUrl')}/api/v1/competitions/${world.competitionId}${path}`, {
		method,
		body,
		headers: { authorization: `Bearer ${world.token}`, cookie: `PARAGLIDE_LOCALE=${locale}`, ...(contentType ? { 'content-type': contentType } : {}) }
	});
}

const person = (n: number) => entrant(n);
/** A row as a person fills the template: Chinese words, digits as text. */
function templateRow(n: number, overrides: Record<string, string> = {}): Record<string, string> {
	const p = person(n);
	return { 姓名: p.name, 性别: p.gender === 'male' ? '男' : '女', 证件类型: '居民身份证', 证件号码: p.idNumber, 手机号码: p.phone, 单位: p.unit, 工种: '车工', 技能等级: '高级工', 报名项目: '数控车工', ...overrides };
}

/** The downloaded template, filled with rows (keyed by header). */
async function filledTemplate(world: World, rows: Record<string, string>[]): Promise<ArrayBuffer> {
	const template = await api(world, 'GET', '/entries/template');
	const workbook = await loadWorkbookForInspection(new Uint8Array(await template.arrayBuffer()));
	const sheet = workbook.worksheets[0]!;
	const headers = (sheet.getRow(1).values as string[]).slice(1);
	rows.forEach((row, index) => headers.forEach((header, column) => row[header] !== undefined && (sheet.getCell(index + 2, column + 1).value = row[header]!)));
	return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

async function entryCount(world: World): Promise<number> {
	const [row] = await db()<{ count: number }[]>`select count(*)::int from entry where competition_id = ${world.competitionId}`;
	return row!.count;
}

describe('entries import and export', () => {
	let world: World;
	beforeAll(async () => {
		world = await newWorld();
	});

	it('gives a template with drop-down lists, text-formatted ID and phone columns and instructions in the asker’s language', async () => {
		const response = await api(world, 'GET', '/entries/template');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(XLSX);
		expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
		const workbook = await loadWorkbookForInspection(new Uint8Array(await response.arrayBuffer()));
		const sheet = workbook.worksheets[0]!;
		expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['姓名', '性别', '证件类型', '证件号码', '手机号码', '单位', '工种', '技能等级', '报名项目', '团体名称', '是否队长', '工龄', '班次']);
		const lists = workbook.getWorksheet('_lists')!;
		const listOf = (address: string) => {
			const validation = sheet.getCell(address).dataValidation;
			expect(validation?.type).toBe('list');
			const [, column, last] = /\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)/.exec(validation!.formulae![0] as string)!;
			return Array.from({ length: Number(last) }, (_, index) => lists.getCell(`${column}${index + 1}`).value);
		};
		expect(listOf('B2')).toEqual(['男', '女']);
		expect(listOf('C100')).toEqual(['居民身份证', '港澳台居民居住证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照']);
		expect(listOf('H2')).toEqual(['初级工', '中级工', '高级工', '技师', '高级技师']);
		expect(listOf('I2')).toEqual(['数控车工', '团体赛']);
		expect(listOf('K2')).toEqual(['是', '否']);
		expect(listOf('M2')).toEqual(['早班', '晚班']);
		expect(sheet.getCell('D2').numFmt).toBe('@');
		expect(sheet.getCell('E1500').numFmt).toBe('@');
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(workbook.getWorksheet('填写说明')!.getCell('A3').value).toBe('性别');
		const english = await loadWorkbookForInspection(new Uint8Array(await (await api(world, 'GET', '/entries/template', undefined, undefined, 'en')).arrayBuffer()));
		expect(english.getWorksheet('Instructions')!.getCell('C5').value).toMatch(/text/);
	});

	it('imports nothing while any row is wrong and says where, then imports the corrected list once', async () => {
		const rows = Array.from({ length: 30 }, (_, index) => templateRow(index + 1));
		rows[2] = templateRow(3, { 证件号码: residentIdNumber(3).slice(0, 17) });
		rows[9] = templateRow(10, { 手机号码: '1380013' });
		rows[20] = templateRow(21, { 报名项目: '钳工' });
		const bad = await api(world, 'POST', '/entries/import', await filledTemplate(world, rows), XLSX);
		expect(bad.status).toBe(400);
		const answer = await bad.json();
		expect(isApiError({ error: answer.error })).toBe(true);
		expect(answer.error.code).toBe('import_invalid');
		expect(answer.rows.map((problem: { row: number; column: string }) => `${problem.row} ${problem.column}`)).toEqual(['4 证件号码', '11 手机号码', '22 报名项目']);
		expect(Object.keys(answer.error.fields)).toEqual(['row4.idNumber', 'row11.phone', 'row22.event']);
		expect(await entryCount(world)).toBe(0);

		const english = await (await api(world, 'POST', '/entries/import', await filledTemplate(world, rows), XLSX, 'en')).json();
		expect(english.rows[1].message).toMatch(/11-digit|mobile/i);

		const good = await filledTemplate(world, Array.from({ length: 30 }, (_, index) => templateRow(index + 1, { 工龄: '7' })));
		const preview = await (await api(world, 'POST', '/entries/import?dryRun=true', good, XLSX)).json();
		expect(preview).toMatchObject({ dryRun: true, rows: 30, created: 30, updated: 0, unchanged: 0 });
		expect(await entryCount(world)).toBe(0);
		const imported = await (await api(world, 'POST', '/entries/import', good, XLSX)).json();
		expect(imported).toMatchObject({ dryRun: false, created: 30 });
		expect(await entryCount(world)).toBe(30);
		const [audit] = await db()<{ after: { created: number } }[]>`select after from audit_log where action = 'entries.imported' and subject_id = ${world.competitionId}`;
		expect(audit!.after.created).toBe(30);

		// The same list again duplicates nobody; a changed phone and unit are shown and updated.
		const again = await (await api(world, 'POST', '/entries/import', good, XLSX)).json();
		expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
		const changedRows = Array.from({ length: 30 }, (_, index) => templateRow(index + 1, { 工龄: '7' }));
		changedRows[4] = templateRow(5, { 工龄: '7', 手机号码: '13912345678', 单位: '县纺织厂' });
		const changed = await (await api(world, 'POST', '/entries/import', await filledTemplate(world, changedRows), XLSX)).json();
		expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 29 });
		expect(changed.changes).toEqual([{ row: 6, label: '选手5', changes: [{ column: '手机号码', before: '138****0005', after: '139****5678' }, { column: '单位', before: '单位5', after: '县纺织厂' }] }]);
		expect(await entryCount(world)).toBe(30);
		const [member] = await db()<{ phone: string; unit: string }[]>`select phone, unit from entry_member where competition_id = ${world.competitionId} and name = '选手5'`;
		expect(member).toEqual({ phone: '13912345678', unit: '县纺织厂' });
	});

	it('imports JSON rows through the API, teams with their leader first, all or nothing', async () => {
		const own = await newWorld();
		const row = (n: number, extra: Record<string, unknown> = {}) => ({ name: `队员${n}`, gender: person(n).gender, idNumber: person(n).idNumber, phone: person(n).phone, unit: '县机械厂', ...extra });
		const body = { rows: [row(1, { event: '数控车工', extra: { work_years: 3, shift: '早班' } }), row(2, { event: '团体赛', teamName: '一车间', leader: false }), row(3, { event: '团体赛', teamName: '一车间', leader: true })] };
		const wrong = await api(own, 'POST', '/entries/import', JSON.stringify({ rows: [...body.rows, row(4, { event: own.eventId, extra: { shift: '夜班' } })] }), 'application/json');
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).rows).toEqual([expect.objectContaining({ row: 4, column: '班次', field: 'extra.shift' })]);
		const answer = await api(own, 'POST', '/entries/import', JSON.stringify(body), 'application/json');
		expect(await answer.json()).toMatchObject({ created: 2, updated: 0 });
		const team = await db()<{ name: string; position: number }[]>`select name, position from entry_member where competition_id = ${own.competitionId} and event_id = ${own.teamEventId} order by position`;
		expect(team.map((member) => member.name)).toEqual(['队员3', '队员2']);
		const [entry] = await db()<{ extra: unknown; source: string }[]>`select extra, source from entry where competition_id = ${own.competitionId} and event_id = ${own.eventId}`;
		expect(entry).toEqual({ extra: { work_years: 3, shift: '早班' }, source: 'api' });
	});

	it('exports every entry: full for organisers (audited), masked for publication', async () => {
		const full = await api(world, 'GET', '/entries/export');
		expect(full.status).toBe(200);
		const fullRows = await readFirstSheet(await full.arrayBuffer());
		expect(fullRows).toHaveLength(31);
		const texts = JSON.stringify(fullRows);
		expect(texts).toContain(person(1).idNumber);
		expect(texts).toContain(person(1).phone);
		const masked = await readFirstSheet(await (await api(world, 'GET', '/entries/export?masked=true')).arrayBuffer());
		const maskedText = JSON.stringify(masked);
		for (let n = 1; n <= 30; n++) {
			expect(maskedText).not.toContain(person(n).idNumber);
			expect(maskedText).not.toContain(n === 5 ? '13912345678' : person(n).phone);
		}
		expect(maskedText).toContain(`${person(1).idNumber.slice(0, 6)}********${person(1).idNumber.slice(14)}`);
		expect(maskedText).toContain('138****0001');
		const workbook = await loadWorkbookForInspection(new Uint8Array(await (await api(world, 'GET', '/entries/export')).arrayBuffer()));
		const sheet = workbook.worksheets[0]!;
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getCell('H2').type).toBe(ExcelJS.ValueType.String);
		const audits = await db()<{ after: { masked: boolean } }[]>`select after from audit_log where action = 'entries.exported' and subject_id = ${world.competitionId}`;
		expect(audits.length).toBeGreaterThanOrEqual(2);
		expect(audits.every((row) => row.after.masked === false)).toBe(true);
	});

	it('keeps other organisations out (404), contestants out (403), and answers malformed input with 4xx in the error shape', async () => {
		const stranger = await newWorld();
		for (const path of ['/entries/template', '/entries/export']) expect((await api({ ...world, competitionId: stranger.competitionId }, 'GET', path)).status).toBe(404);
		const foreignImport = await api({ ...world, competitionId: stranger.competitionId }, 'POST', '/entries/import', JSON.stringify({ rows: [{ name: '张三' }] }), 'application/json');
		expect(foreignImport.status).toBe(404);
		expect(isApiError(await foreignImport.json())).toBe(true);

		const contestant = await joinOrg(world.owner, 'contestant');
		const contestantCookie = await sessionCookie(contestant.user.id);
		const page = `${inject('appUrl')}/orgs/${world.owner.organisation.slug}/competitions/${world.competitionId}/entries/import`;
		for (const path of ['', '/template', '/export']) expect((await fetch(`${page}${path}`, { headers: { cookie: contestantCookie }, redirect: 'manual' })).status).toBe(403);
		const foreignPage = `${inject('appUrl')}/orgs/${world.owner.organisation.slug}/competitions/${stranger.competitionId}/entries/import`;
		for (const path of ['', '/template', '/export']) expect((await fetch(`${foreignPage}${path}`, { headers: { cookie: world.cookie }, redirect: 'manual' })).status).toBe(404);

		const cases: [BodyInit, string, number, string][] = [
			['not a workbook', XLSX, 400, 'workbook_unreadable'],
			[new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), XLSX, 400, 'workbook_unreadable'],
			['{"rows": "x"}', 'application/json', 400, 'validation_failed'],
			['{"rows": []}', 'application/json', 400, 'validation_failed'],
			['{"rows": [{"name": {"$gt": ""}}]}', 'application/json', 400, 'validation_failed'],
			['{', 'application/json', 400, 'invalid_json'],
			['name,phone', 'text/csv', 415, 'unsupported_media_type']
		];
		for (const [body, type, status, code] of cases) {
			const response = await api(world, 'POST', '/entries/import', body, type);
			const answer = await response.json();
			expect({ type, status: response.status, code: answer.error?.code }).toEqual({ type, status, code });
			expect(isApiError(answer)).toBe(true);
		}
		const emptySheet = new ExcelJS.Workbook();
		emptySheet.addWorksheet('空');
		const empty = await api(world, 'POST', '/entries/import', (await emptySheet.xlsx.writeBuffer()) as ArrayBuffer, XLSX);
		expect(empty.status).toBe(400);
		expect((await empty.json()).error.code).toBe('import_invalid');
	});

	it('takes 10,000 rows in one body (over the 512 KB other routes allow) and checks them all', async () => {
		const own = await newWorld();
		const rows = Array.from({ length: 10_000 }, (_, index) => {
			const p = entrant(index + 1);
			return { name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, unit: p.unit, event: '数控车工' };
		});
		const body = JSON.stringify({ rows, dryRun: true });
		expect(body.length).toBeGreaterThan(1_000_000);
		const response = await api(own, 'POST', '/entries/import', body, 'application/json');
		expect(await response.json()).toMatchObject({ dryRun: true, created: 10_000 });
		expect(await entryCount(own)).toBe(0);
	}, 60_000);

	it('stores a long workbook as it is read, yet a wrong row or a person entered elsewhere far down the list stores nothing', async () => {
		const own = await newWorld();
		await addEvent(own.owner, own.competitionId, { name: '钳工', participation: 'individual', capacity: null });
		await db()`update competition set allow_multiple_events = false where id = ${own.competitionId}`;
		const rows = Array.from({ length: 2_500 }, (_, index) => templateRow(index + 1));
		// Person 2,300 is already in 钳工, and one event per person is the rule here.
		await api(own, 'POST', '/entries/import', JSON.stringify({ rows: [{ name: person(2_300).name, gender: person(2_300).gender, idNumber: person(2_300).idNumber, phone: person(2_300).phone, unit: '县机械厂', event: '钳工' }] }), 'application/json');
		expect(await entryCount(own)).toBe(1);
		const elsewhere = await api(own, 'POST', '/entries/import', await filledTemplate(own, rows), XLSX);
		expect(elsewhere.status).toBe(400);
		expect((await elsewhere.json()).rows).toEqual([expect.objectContaining({ row: 2_301, column: '证件号码' })]);
		expect(await entryCount(own)).toBe(1);

		const mistyped = rows.filter((_, index) => index !== 2_299);
		mistyped[2_100] = templateRow(2_102, { 手机号码: '1380013' });
		const wrong = await api(own, 'POST', '/entries/import', await filledTemplate(own, mistyped), XLSX);
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).rows.map((problem: { row: number; column: string }) => `${problem.row} ${problem.column}`)).toEqual(['2102 手机号码']);
		expect(await entryCount(own)).toBe(1);

		const imported = await api(own, 'POST', '/entries/import', await filledTemplate(own, rows.filter((_, index) => index !== 2_299)), XLSX);
		expect(await imported.json()).toMatchObject({ rows: 2_499, created: 2_499 });
		expect(await entryCount(own)).toBe(2_500);
		const arrival = await db()<{ name: string }[]>`select m.name from entry e join entry_member m on m.entry_id = e.id where e.event_id = ${own.eventId} order by e.arrival`;
		expect(arrival.map((member) => member.name)).toEqual(rows.filter((_, index) => index !== 2_299).map((row) => row['姓名']));
	}, 60_000);

	it('checks and imports through the organiser’s page, a workbook or pasted rows', async () => {
		const own = await newWorld();
		const page = `${inject('appUrl')}/orgs/${own.owner.organisation.slug}/competitions/${own.competitionId}/entries/import`;
		const post = (action: string, form: FormData) => fetch(`${page}?/${action}`, { method: 'POST', body: form, headers: { cookie: own.cookie, origin: inject('appUrl'), accept: 'application/json', 'x-sveltekit-action': 'true' } });
		const withFile = (bytes: ArrayBuffer) => {
			const form = new FormData();
			form.append('file', new Blob([bytes], { type: XLSX }), '名单.xlsx');
			return form;
		};
		const bad = await post('check', withFile(await filledTemplate(own, [templateRow(1), templateRow(2, { 性别: '未知' })])));
		const badResult = await bad.json();
		expect(badResult.type).toBe('failure');
		expect(badResult.data).toContain('性别');
		const good = await filledTemplate(own, [templateRow(1), templateRow(2)]);
		expect((await (await post('check', withFile(good))).json()).type).toBe('success');
		expect(await entryCount(own)).toBe(0);
		expect((await (await post('import', withFile(good))).json()).type).toBe('success');
		expect(await entryCount(own)).toBe(2);
		const pasted = new FormData();
		const header = ['姓名', '性别', '证件号码', '手机号码', '单位', '报名项目'];
		const line = (n: number) => [person(n).name, person(n).gender === 'male' ? '男' : '女', person(n).idNumber, person(n).phone, '县机械厂', '数控车工'].join('\t');
		pasted.append('pasted', [header.join('\t'), line(1), line(3)].join('\n'));
		expect((await (await post('import', pasted)).json()).type).toBe('success');
		expect(await entryCount(own)).toBe(3);
		const html = await (await fetch(page, { headers: { cookie: own.cookie } })).text();
		expect(html).toContain('共 3 份报名');
	});
});
