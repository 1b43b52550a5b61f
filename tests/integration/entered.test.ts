import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { declareConflict } from '../../src/lib/server/judging/conflicts-service';
import { linkJudgeUser } from '../../src/lib/server/judging/judge-queries';
import { getEnteredBoard, keyEnteredValue } from '../../src/lib/server/entered/entered-service';
import { enteredTemplate, importEnteredValues, tableOfWorkbook } from '../../src/lib/server/entered/import-service';
import { keyPaperSheet } from '../../src/lib/server/paper/paper-service';
import { loadWorkbookForInspection, writeWorkbook } from '../../src/lib/server/workbooks/xlsx';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { joinOrg, newOrg } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { get, sessionCookie } from './http-helpers';

// Entered components and the paper fallback (issue 15, panel part): two-person entry, imports that
// store all or nothing, deduction counts, finish times, paper sheets typed by two clerks — against
// the real database and the built server.

interface World {
	owner: OrgActor;
	organiser: OrgActor;
	contestant: OrgActor;
	headUser: OrgActor;
	round: JudgeRound;
	judgeIds: string[];
	headJudgeId: string;
	tokens: { owner: string; organiser: string };
	foreign: { owner: OrgActor; round: JudgeRound; token: string };
}

let world: World;

async function seedWorld(): Promise<World> {
	const owner = await newOrg();
	const organiser = await joinOrg(owner, 'organiser');
	const contestant = await joinOrg(owner, 'contestant');
	const headUser = await joinOrg(owner, 'contestant');
	const round = await seedJudgeRound(owner, { blind: true, count: 3, markingNumbers: true, units: ['冲突单位'] });
	const judgeIds: string[] = [];
	for (const [index, unit] of ['冲突单位', '二厂'].entries()) judgeIds.push((await addJudge(owner, round.competitionId, { name: `评委${index + 1}`, unit, phone: '', specialty: '', email: null })).id);
	const head = await addJudge(owner, round.competitionId, { name: '裁判长甲', unit: '三厂', phone: '', specialty: '', email: null });
	await linkJudgeUser(db(), owner.organisation.id, head.id, headUser.user.id);
	await savePanel(owner, round.roundId, [...judgeIds.map((judgeId) => ({ judgeId, role: 'judge' as const })), { judgeId: head.id, role: 'head' as const }]);
	const foreignOwner = await newOrg();
	const foreignRound = await seedJudgeRound(foreignOwner, { count: 1 });
	return {
		owner,
		organiser,
		contestant,
		headUser,
		round,
		judgeIds,
		headJudgeId: head.id,
		tokens: {
			owner: (await createApiToken(owner, 'entered')).token,
			organiser: (await createApiToken(organiser, 'entered')).token
		},
		foreign: { owner: foreignOwner, round: foreignRound, token: (await createApiToken(foreignOwner, 'foreign')).token }
	};
}

beforeAll(async () => {
	world = await seedWorld();
}, 60_000);

function api(token: string, method: string, path: string, body?: unknown) {
	return fetch(`${inject('appUrl')}/api/v1${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
}

const entry = (index: number) => world.round.entries[index]!;
const storedValue = async (entryId: string) => (await db()<{ value: number; source: string; recordedBy: string; confirmedBy: string | null }[]>`select value, source, recorded_by, confirmed_by from entered_value where entry_id = ${entryId} and component_key = 'theory'`)[0];

describe('two-person entry of entered values', () => {
	it('stores a value only when a second person types the same; the same person twice is refused', async () => {
		const first = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/entered-values`, { entryId: entry(0).id, componentKey: 'theory', value: 8750 });
		expect(first.status).toBe(202);
		expect(await first.json()).toEqual({ result: 'awaiting_second' });
		expect(await storedValue(entry(0).id)).toBeUndefined();
		const again = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/entered-values`, { entryId: entry(0).id, componentKey: 'theory', value: 8750 });
		expect(again.status).toBe(409);
		expect((await again.json()).error.code).toBe('entered_keying_needs_second_person');
		expect(await storedValue(entry(0).id)).toBeUndefined();
		expect(await keyEnteredValue(world.organiser, world.round.roundId, { entryId: entry(0).id, componentKey: 'theory', value: 8750 })).toBe('stored');
		expect(await storedValue(entry(0).id)).toEqual({ value: 8750, source: 'double_entry', recordedBy: world.owner.user.id, confirmedBy: world.organiser.user.id });
		expect(await db()`select 1 from entered_value_keying where entry_id = ${entry(0).id}`).toHaveLength(0);
		const audit = await db()<{ action: string; subjectLabel: string; after: unknown }[]>`
			select action, subject_label, after from audit_log where organisation_id = ${world.owner.organisation.id} and subject_type = 'entered_value' order by id`;
		expect(audit.map((row) => row.action)).toEqual(['entered_value.keyed', 'entered_value.confirmed']);
		// Blind round: the entry by its marking number, never a name; the keyed number stays out of the log.
		expect(audit[1]!.subjectLabel).toContain(`#${entry(0).number}`);
		expect(audit[1]!.subjectLabel).not.toContain(entry(0).name);
		expect(JSON.stringify(audit[0]!.after)).not.toContain('87');
		expect(audit[1]!.after).toEqual({ value: '87.5', source: 'double_entry' });
	});

	it('keeps both keyings and lists a disagreement (without either value) when they differ; nothing is stored', async () => {
		expect(await keyEnteredValue(world.owner, world.round.roundId, { entryId: entry(1).id, componentKey: 'theory', value: 8000 })).toBe('awaiting_second');
		expect(await keyEnteredValue(world.organiser, world.round.roundId, { entryId: entry(1).id, componentKey: 'theory', value: 8100 })).toBe('disagreement');
		expect(await storedValue(entry(1).id)).toBeUndefined();
		const response = await api(world.tokens.organiser, 'GET', `/rounds/${world.round.roundId}/entered-values`);
		const text = await response.text();
		const board = JSON.parse(text);
		expect(board.disagreements).toEqual([{ entryId: entry(1).id, number: entry(1).number, componentKey: 'theory' }]);
		expect(text).not.toMatch(/8000|8100/);
		expect(text).not.toContain(entry(1).name);
		// Either of them typing it again (matching the other) settles it.
		expect(await keyEnteredValue(world.owner, world.round.roundId, { entryId: entry(1).id, componentKey: 'theory', value: 8100 })).toBe('stored');
		expect((await storedValue(entry(1).id))?.value).toBe(8100);
		expect((await getEnteredBoard(world.owner, world.round.roundId)).disagreements).toEqual([]);
	});

	it('refuses a value above the component’s max and an unknown component at the field', async () => {
		const over = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/entered-values`, { entryId: entry(2).id, componentKey: 'theory', value: 10001 });
		expect(over.status).toBe(400);
		expect(await over.json()).toMatchObject({ error: { code: 'entered_value_out_of_range', fields: { value: expect.stringContaining('100') } } });
		const unknown = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/entered-values`, { entryId: entry(2).id, componentKey: 'practical', value: 1 });
		expect(await unknown.json()).toMatchObject({ error: { code: 'entered_component_unknown', fields: { componentKey: expect.any(String) } } });
	});
});

describe('imports', () => {
	it('stores nothing when any row is wrong, naming each row, column and reason; then everything', async () => {
		const path = `/rounds/${world.round.roundId}/entered-values/import`;
		const bad = await api(world.tokens.owner, 'POST', path, { rows: [{ number: entry(2).number, values: { theory: 9000 } }, { number: 9999, values: { theory: 1 } }, { number: entry(0).number, values: { theory: 20000 } }] });
		expect(bad.status).toBe(400);
		const answer = await bad.json();
		expect(answer.error.code).toBe('import_invalid');
		expect(answer.rows).toEqual([
			{ row: 2, column: 'number', message: expect.stringContaining('9999') },
			{ row: 3, column: 'theory', message: expect.stringContaining('100') }
		]);
		expect(await storedValue(entry(2).id)).toBeUndefined();
		const good = await api(world.tokens.owner, 'POST', path, { rows: [{ number: entry(2).number, values: { theory: 9000 } }] });
		expect(await good.json()).toEqual({ stored: 1 });
		expect(await storedValue(entry(2).id)).toMatchObject({ value: 9000, source: 'api' });
	});

	it('clears the two-person keyings still waiting on the cells it sets (audited), only when it stores, and leaves the others', async () => {
		const round = await seedJudgeRound(world.owner, { count: 2, markingNumbers: true });
		const [first, second] = round.entries;
		const waitingOn = async (entryId: string) => (await db()`select 1 from entered_value_keying where entry_id = ${entryId}`).length;
		expect(await keyEnteredValue(world.owner, round.roundId, { entryId: first!.id, componentKey: 'theory', value: 7000 })).toBe('awaiting_second');
		expect(await keyEnteredValue(world.owner, round.roundId, { entryId: second!.id, componentKey: 'theory', value: 6000 })).toBe('awaiting_second');
		expect(await keyEnteredValue(world.organiser, round.roundId, { entryId: second!.id, componentKey: 'theory', value: 6100 })).toBe('disagreement');
		const path = `/rounds/${round.roundId}/entered-values/import`;
		// All or nothing: a refused import clears nothing either.
		expect((await api(world.tokens.owner, 'POST', path, { rows: [{ number: first!.number, values: { theory: 8000 } }, { number: 9999, values: { theory: 1 } }] })).status).toBe(400);
		expect(await waitingOn(first!.id)).toBe(1);
		const stored = await api(world.tokens.owner, 'POST', path, { rows: [{ number: first!.number, values: { theory: 8000 } }] });
		expect(await stored.json()).toEqual({ stored: 1 });
		expect(await waitingOn(first!.id)).toBe(0);
		expect(await waitingOn(second!.id)).toBe(2);
		expect((await getEnteredBoard(world.owner, round.roundId)).disagreements).toEqual([{ entryId: second!.id, number: second!.number, componentKey: 'theory' }]);
		const audit = await db()<{ subjectLabel: string; before: unknown; after: unknown }[]>`
			select subject_label, before, after from audit_log where organisation_id = ${world.owner.organisation.id} and action = 'entered_value.keyings_cleared' and subject_id like ${`${round.roundId}:%`}`;
		expect(audit).toEqual([{ subjectLabel: expect.stringContaining(`#${first!.number}`), before: { waitingKeyings: 1 }, after: { waitingKeyings: 0, reason: 'imported', source: 'api' } }]);
		// The organiser typing the old paper value now starts a new keying instead of settling against the stale one.
		expect(await keyEnteredValue(world.organiser, round.roundId, { entryId: first!.id, componentKey: 'theory', value: 7000 })).toBe('awaiting_second');
		expect(await storedValue(first!.id)).toMatchObject({ value: 8000, source: 'api' });
	});

	it('gives a template with the round’s entries by number and reads it back, in English too', async () => {
		const cookie = await sessionCookie(world.owner.user.id);
		const response = await fetch(`${inject('appUrl')}/orgs/${world.owner.organisation.slug}/competitions/${world.round.competitionId}/rounds/${world.round.roundId}/entered/template`, { headers: { cookie } });
		expect(response.status).toBe(200);
		const workbook = await loadWorkbookForInspection(new Uint8Array(await response.arrayBuffer()));
		const sheet = workbook.worksheets[0]!;
		expect(String(sheet.getCell(1, 1).value)).toContain('(number)');
		expect(String(sheet.getCell(1, 2).value)).toContain('(theory)');
		const numbers = [2, 3, 4].map((row) => String(sheet.getCell(row, 1).value));
		expect(numbers).toEqual(world.round.entries.map((item) => String(item.number)));
		const filled = await writeWorkbook({ sheets: [{ name: 's', columns: [{ header: '号码 (number)', width: 10 }, { header: '理论考试 (theory)', width: 10 }], rows: [[String(entry(2).number), '95.25'], ['abc', '1']] }] });
		await expect(importEnteredValues(world.owner, world.round.roundId, await tableOfWorkbook(filled), 'import')).rejects.toMatchObject({ problems: [{ row: 3, column: '号码 (number)' }] });
		const fixed = await writeWorkbook({ sheets: [{ name: 's', columns: [{ header: '号码 (number)', width: 10 }, { header: '理论考试 (theory)', width: 10 }], rows: [[String(entry(2).number), '95.25']] }] });
		expect(await importEnteredValues(world.owner, world.round.roundId, await tableOfWorkbook(fixed), 'import')).toEqual({ stored: 1 });
		expect(await storedValue(entry(2).id)).toMatchObject({ value: 9525, source: 'import' });
		expect((await enteredTemplate(world.owner, world.round.roundId)).bytes.length).toBeGreaterThan(1000);
	});
});

describe('deduction counts and finish times', () => {
	it('saves counts per entry and item beside the judges’ own tallies, and finish times in Shanghai time', async () => {
		await db()`insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, deductions) values (${world.owner.organisation.id}, ${world.round.roundId}, ${entry(1).id}, ${world.judgeIds[1]!}, 'practical', '{"defect": 2}')`;
		const put = await api(world.tokens.owner, 'PUT', `/rounds/${world.round.roundId}/deduction-counts`, { counts: [{ entryId: entry(1).id, componentKey: 'practical', itemKey: 'defect', count: 2 }] });
		expect(put.status).toBe(200);
		const grid = await put.json();
		const cell = grid.entries.find((row: { entryId: string }) => row.entryId === entry(1).id).counts.find((item: { itemKey: string }) => item.itemKey === 'defect');
		expect(cell).toEqual({ componentKey: 'practical', itemKey: 'defect', count: 2, judgeTallies: [{ judgeName: '评委2', count: 2 }] });
		const unknownItem = await api(world.tokens.owner, 'PUT', `/rounds/${world.round.roundId}/deduction-counts`, { counts: [{ entryId: entry(1).id, componentKey: 'practical', itemKey: 'nope', count: 1 }] });
		expect(await unknownItem.json()).toMatchObject({ error: { code: 'entered_deduction_item_unknown', fields: { 'counts.0.itemKey': expect.any(String) } } });
		const times = await api(world.tokens.owner, 'PUT', `/rounds/${world.round.roundId}/finish-times`, { times: [{ entryId: entry(0).id, finishedAt: '2026-05-01 10:32:05' }] });
		const view = await times.json();
		expect(view.entries.find((row: { entryId: string }) => row.entryId === entry(0).id)).toMatchObject({ finishedAt: '2026-05-01T02:32:05.000Z', finishedAtShanghai: '2026-05-01 10:32:05' });
		const badTime = await api(world.tokens.owner, 'PUT', `/rounds/${world.round.roundId}/finish-times`, { times: [{ entryId: entry(0).id, finishedAt: '2026-02-30 10:00' }] });
		expect(badTime.status).toBe(400);
		expect(await badTime.json()).toMatchObject({ error: { code: 'validation_failed', fields: { 'times.0.finishedAt': expect.any(String) } } });
	});
});

describe('paper sheets', () => {
	const sheet = { process: 1800, precision: 3000, surface: 1500, completeness: 1200, safety: 900 };

	it('stores a judge’s paper sheet only when two clerks agree; a difference stores nothing', async () => {
		const target = { judgeId: world.judgeIds[1]!, entryId: entry(0).id, componentKey: 'practical' };
		expect(await keyPaperSheet(world.owner, world.round.roundId, { ...target, scores: sheet, deductions: { defect: 1 } })).toBe('awaiting_second');
		expect(await keyPaperSheet(world.organiser, world.round.roundId, { ...target, scores: { ...sheet, surface: 1600 }, deductions: { defect: 1 } })).toBe('disagreement');
		expect(await db()`select 1 from score_sheet where entry_id = ${entry(0).id}`).toHaveLength(0);
		const response = await api(world.tokens.organiser, 'POST', `/rounds/${world.round.roundId}/paper-keyings`, { ...target, scores: sheet, deductions: { defect: 1 } });
		expect(response.status).toBe(201);
		const [stored] = await db()`select scores, deductions, status, source, version from score_sheet where entry_id = ${entry(0).id} and judge_id = ${target.judgeId}`;
		expect(stored).toEqual({ scores: sheet, deductions: { defect: 1 }, status: 'submitted', source: 'paper', version: 1 });
		expect(await db()`select 1 from entered_value_keying where entry_id = ${entry(0).id} and target like 'sheet:%'`).toHaveLength(0);
	});

	it('refuses a conflicted judge’s sheet, an incomplete sheet and a locked sheet', async () => {
		// Judge 1 is of the same unit as entry 0.
		await expect(keyPaperSheet(world.owner, world.round.roundId, { judgeId: world.judgeIds[0]!, entryId: entry(0).id, componentKey: 'practical', scores: sheet, deductions: {} })).rejects.toMatchObject({ code: 'judge_conflicted' });
		await declareConflict(world.owner, world.round.roundId, { judgeId: world.judgeIds[1]!, entryId: entry(2).id, kind: 'relative', note: '' });
		const conflicted = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/paper-keyings`, { judgeId: world.judgeIds[1]!, entryId: entry(2).id, componentKey: 'practical', scores: sheet });
		expect((await conflicted.json()).error.code).toBe('judge_conflicted');
		const incomplete = await api(world.tokens.owner, 'POST', `/rounds/${world.round.roundId}/paper-keyings`, { judgeId: world.judgeIds[1]!, entryId: entry(1).id, componentKey: 'practical', scores: { process: 1 } });
		expect(await incomplete.json()).toMatchObject({ error: { code: 'entered_paper_incomplete', fields: { 'scores.precision': expect.any(String) } } });
		await db()`update score_sheet set status = 'locked' where entry_id = ${entry(0).id} and judge_id = ${world.judgeIds[1]!}`;
		await expect(keyPaperSheet(world.owner, world.round.roundId, { judgeId: world.judgeIds[1]!, entryId: entry(0).id, componentKey: 'practical', scores: sheet, deductions: {} })).rejects.toMatchObject({ code: 'entered_paper_sheet_locked' });
	});

	it('prints a judge’s blind sheets as a PDF with the Chinese font embedded and the text extractable', async () => {
		const response = await api(world.tokens.owner, 'GET', `/rounds/${world.round.roundId}/paper-sheets?judgeId=${world.judgeIds[1]!}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		const pdf = Buffer.from(await response.arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const text = pdfText(pdf);
		expect(text.raw).toMatch(/\/FontFile3|\/FontFile2/);
		expect(text.raw).toMatch(/NotoSansHans/);
		// pdfkit subsets the font and maps every glyph back to its character (ToUnicode), so the text is
		// selectable: each character of these words is there (the map lists them in glyph order).
		for (const word of ['裁判长签字', '工艺规范', '评委', '纸质评分表']) for (const character of word) expect(text.unicode, word).toContain(character);
		// Numbers only: the entries' distinctive names (鹬蚌 + a tag) and units never reach the sheet.
		for (const character of '鹬蚌独特') expect(text.unicode).not.toContain(character);
		expect(pdf.length).toBeLessThan(2_000_000);
	});
});

/** The PDF's streams inflated, and every character its ToUnicode maps name (what a text extractor reads). */
function pdfText(pdf: Buffer): { raw: string; unicode: string } {
	const raw = pdf.toString('latin1');
	const parts: string[] = [raw];
	for (const match of raw.matchAll(/stream\r?\n/g)) {
		const start = match.index! + match[0].length;
		try {
			parts.push(inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1'));
		} catch {
			// not a deflated stream
		}
	}
	// UTF-16 code units, four hex digits each, in the CMaps' bfchar/bfrange targets.
	const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
	const unicode = parts
		.filter((part) => part.includes('begincmap'))
		.flatMap((cmap) => [...cmap.matchAll(/<([0-9a-fA-F]{4,})>/g)].map(([, hex]) => utf16(hex!)))
		.join('');
	return { raw: parts.join('\n'), unicode };
}

describe('who may, and when', () => {
	it('lets the round’s head judge in and keeps contestants out', async () => {
		// Contestants hold no API tokens; the services refuse them the same way the routes do.
		await expect(getEnteredBoard(world.contestant, world.round.roundId)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(keyEnteredValue(world.contestant, world.round.roundId, { entryId: entry(0).id, componentKey: 'theory', value: 1 })).rejects.toMatchObject({ code: 'forbidden' });
		expect((await getEnteredBoard(world.headUser, world.round.roundId)).entries).toHaveLength(3);
		const cookie = await sessionCookie(world.contestant.user.id);
		expect((await get(`/orgs/${world.owner.organisation.slug}/competitions/${world.round.competitionId}/rounds/${world.round.roundId}/entered`, cookie)).status).toBe(403);
		const headCookie = await sessionCookie(world.headUser.user.id);
		expect((await get(`/orgs/${world.owner.organisation.slug}/competitions/${world.round.competitionId}/rounds/${world.round.roundId}/deductions`, headCookie)).status).toBe(200);
	});

	it('answers 404 for another organisation’s round on every route', async () => {
		const foreign = world.foreign.round.roundId;
		const bodies: [string, string, unknown][] = [
			['GET', `/rounds/${foreign}/entered-values`, undefined],
			['POST', `/rounds/${foreign}/entered-values`, { entryId: world.foreign.round.entries[0]!.id, componentKey: 'theory', value: 1 }],
			['POST', `/rounds/${foreign}/entered-values/import`, { rows: [{ number: 1, values: { theory: 1 } }] }],
			['GET', `/rounds/${foreign}/deduction-counts`, undefined],
			['PUT', `/rounds/${foreign}/deduction-counts`, { counts: [] }],
			['GET', `/rounds/${foreign}/finish-times`, undefined],
			['PUT', `/rounds/${foreign}/finish-times`, { times: [] }],
			['GET', `/rounds/${foreign}/paper-sheets?judgeId=${world.judgeIds[0]!}`, undefined],
			['POST', `/rounds/${foreign}/paper-keyings`, { judgeId: world.judgeIds[1]!, entryId: world.foreign.round.entries[0]!.id, componentKey: 'practical', scores: {} }]
		];
		for (const [method, path, body] of bodies) expect(`${method} ${path} ${(await api(world.tokens.owner, method, path, body)).status}`).toBe(`${method} ${path} 404`);
		const cookie = await sessionCookie(world.owner.user.id);
		const base = `/orgs/${world.owner.organisation.slug}/competitions/${world.round.competitionId}/rounds/${foreign}`;
		for (const page of ['entered', 'deductions', 'finish-times', 'paper', 'entered/template', `paper/${world.judgeIds[0]!}`]) expect(`${page} ${(await get(`${base}/${page}`, cookie)).status}`).toBe(`${page} 404`);
		expect(await db()`select 1 from entered_value where round_id = ${foreign}`).toHaveLength(0);
	});

	it('refuses malformed input with a 400 in the error shape', async () => {
		const path = `/rounds/${world.round.roundId}`;
		for (const [method, suffix, body] of [
			['POST', '/entered-values', { entryId: 'x', componentKey: 'theory', value: 1.5 }],
			['POST', '/entered-values', '{"entryId":'],
			['POST', '/entered-values/import', { rows: 'all' }],
			['PUT', '/deduction-counts', { counts: [{ entryId: entry(0).id, componentKey: 'practical', itemKey: 'defect', count: -1 }] }],
			['PUT', '/finish-times', { times: [{ entryId: entry(0).id, finishedAt: 12 }] }],
			['POST', '/paper-keyings', { judgeId: world.judgeIds[1], entryId: entry(0).id, componentKey: 'practical', scores: { process: 'ten' } }]
		] as [string, string, unknown][]) {
			const response = await api(world.tokens.owner, method, `${path}${suffix}`, body);
			expect(`${suffix} ${response.status}`).toBe(`${suffix} 400`);
			expect((await response.json()).error.code).toMatch(/validation_failed|invalid_json/);
		}
		expect((await api(world.tokens.owner, 'GET', `${path}/paper-sheets?judgeId=nope`)).status).toBe(400);
	});

	it('refuses every change once the round is signed off, with a clear message', async () => {
		await db()`update round set scores_locked_at = now() where id = ${world.round.roundId}`;
		try {
			const refusedWrites: [string, string, unknown][] = [
				['POST', '/entered-values', { entryId: entry(0).id, componentKey: 'theory', value: 1 }],
				['POST', '/entered-values/import', { rows: [{ number: entry(0).number, values: { theory: 1 } }] }],
				['PUT', '/deduction-counts', { counts: [] }],
				['PUT', '/finish-times', { times: [] }],
				['POST', '/paper-keyings', { judgeId: world.judgeIds[1], entryId: entry(1).id, componentKey: 'practical', scores: sheetOf() }]
			];
			for (const [method, suffix, body] of refusedWrites) {
				const response = await api(world.tokens.owner, method, `/rounds/${world.round.roundId}${suffix}`, body);
				const answer = await response.json();
				expect(`${suffix} ${response.status} ${answer.error.code}`).toBe(`${suffix} 409 entered_round_signed_off`);
				expect(answer.error.message).toContain('裁判长');
			}
			expect((await storedValue(entry(0).id))?.value).toBe(8750);
		} finally {
			await db()`update round set scores_locked_at = null where id = ${world.round.roundId}`;
		}
	});
});

const sheetOf = () => ({ process: 1, precision: 1, surface: 1, completeness: 1, safety: 1 });
