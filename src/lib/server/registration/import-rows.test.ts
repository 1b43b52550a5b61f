import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { residentIdNumber } from '../../../../tests/fixtures/people';
import type { ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import { importColumns, matchHeaders, type ImportEvent } from './import-columns';
import { parseTable, problemsAsFields, problemsAtRows, TableParser, tableFromText, type TableContext, type TableRow } from './import-rows';

const EVENTS: ImportEvent[] = [
	{ id: '00000000-0000-4000-8000-000000000001', name: '数控车工', participation: 'individual' },
	{ id: '00000000-0000-4000-8000-000000000002', name: '团体赛', participation: 'team' }
];
const FIELDS: ExtraFieldDefinition[] = [
	{ key: 'work_years', label: '工龄', kind: 'number', options: [], required: true },
	{ key: 'scan', label: '申报表', kind: 'file', options: [], required: false }
];
const columns = importColumns(EVENTS, FIELDS);
const context = (overrides: Partial<TableContext> = {}): TableContext => ({ columns, events: EVENTS, fields: FIELDS, allowMultipleEvents: true, header: 'required', ...overrides });
const HEADER = columns.map((column) => column.header);

/** A row in the template's column order. */
function row(rowNumber: number, values: Partial<Record<string, string>>): TableRow {
	return { rowNumber, cells: columns.map((column) => values[column.key] ?? '') };
}
const person = (n: number, overrides: Partial<Record<string, string>> = {}) => ({
	name: `选手${n}`,
	gender: '男',
	idType: '居民身份证',
	idNumber: residentIdNumber(n, { gender: 'male' }),
	phone: `138${String(n).padStart(8, '0')}`,
	unit: '县机械厂',
	event: '数控车工',
	'extra.work_years': '5',
	...overrides
});

afterEach(() => setLocale('zh-CN', { reload: false }));

describe('the template’s columns', () => {
	it('has the Chinese headers, team columns when an event is a team event, and no file fields', () => {
		expect(HEADER).toEqual(['姓名', '性别', '证件类型', '证件号码', '手机号码', '单位', '工种', '技能等级', '报名项目', '团体名称', '是否队长', '工龄']);
		expect(importColumns([EVENTS[0]!], []).map((column) => column.key)).not.toContain('teamName');
		expect(columns.find((column) => column.key === 'idNumber')!.text).toBe(true);
		expect(columns.find((column) => column.key === 'gender')!.choices).toEqual(['男', '女']);
	});

	it('reads headers with stars, notes in brackets, English names, and ignores columns it does not know', () => {
		expect(matchHeaders(['序号', '*姓名', '证件号码（18位）', 'Mobile', '工龄'], columns)).toEqual([null, 'name', 'idNumber', 'phone', 'extra.work_years']);
	});
});

describe('reading a list', () => {
	it('turns good rows into entries with normalised values, teams grouped with the leader first', () => {
		const parsed = parseTable(
			[
				{ rowNumber: 1, cells: HEADER },
				row(2, person(1, { gender: '男', level: '高级工', idNumber: residentIdNumber(1, { gender: 'male' }).toLowerCase() })),
				row(3, person(2, { event: '团体赛', teamName: '一车间', leader: '否' })),
				row(4, person(3, { event: '团体赛', teamName: '一车间', leader: '是', unit: '县纺织厂' }))
			],
			context()
		);
		expect(parsed.problems).toEqual([]);
		expect(parsed.entries).toHaveLength(2);
		expect(parsed.entries[0]!.submission.members[0]).toMatchObject({ gender: 'male', idType: 'resident_id', level: 'senior' });
		expect(parsed.entries[0]!.submission.extra).toEqual({ work_years: '5' });
		expect(parsed.entries[1]!.rows).toEqual([4, 3]);
		expect(parsed.entries[1]!.submission).toMatchObject({ teamName: '一车间', unit: '县纺织厂', eventId: EVENTS[1]!.id });
	});

	it('reports exactly the three bad rows with their row numbers and column headers, in Chinese', () => {
		const rows = [{ rowNumber: 1, cells: HEADER }, ...Array.from({ length: 20 }, (_, index) => row(index + 2, person(index + 10)))];
		rows[3] = row(5, person(13, { idNumber: '330523198503120012' }));
		rows[8] = row(10, person(18, { phone: '1380000' }));
		rows[15] = row(17, person(25, { gender: '女' }));
		const parsed = parseTable(rows, context());
		expect(parsed.entries).toEqual([]);
		expect(parsed.problems.map(({ row, column }) => [row, column])).toEqual([
			[5, '证件号码'],
			[10, '手机号码'],
			[17, '性别']
		]);
		expect(parsed.problems.map((problem) => problem.message)).toEqual(['身份证号码校验位不对，请逐位核对', '请输入 11 位手机号码', '性别与身份证号码不一致']);
		expect(problemsAsFields(parsed.problems)).toEqual({ 'row5.idNumber': expect.any(String), 'row10.phone': expect.any(String), 'row17.gender': expect.any(String) });
	});

	it('gives the same problems in English', () => {
		setLocale('en', { reload: false });
		const parsed = parseTable([{ rowNumber: 1, cells: HEADER }, row(2, person(1, { gender: '男士', event: '钳工', 'extra.work_years': 'abc' }))], context());
		expect(parsed.problems).toEqual([
			{ row: 2, column: '性别', field: 'gender', message: 'Choose from the list: 男、女' },
			{ row: 2, column: '报名项目', field: 'event', message: 'This competition has no event called “钳工”' },
			{ row: 2, column: '工龄', field: 'extra.work_years', message: expect.stringMatching(/number/i) }
		]);
	});

	it('finds the same person twice, teams without one leader, missing columns and control characters', () => {
		const twice = parseTable([{ rowNumber: 1, cells: HEADER }, row(2, person(1)), row(3, person(1))], context());
		expect(twice.problems).toEqual([expect.objectContaining({ row: 3, column: '证件号码', message: '与第 2 行是同一人' })]);
		const leaders = parseTable([{ rowNumber: 1, cells: HEADER }, row(2, person(1, { event: '团体赛', teamName: 'A' })), row(3, person(2, { event: '团体赛', teamName: 'A' }))], context());
		expect(leaders.problems).toEqual([expect.objectContaining({ row: 2, column: '是否队长' })]);
		const missing = parseTable([{ rowNumber: 1, cells: ['姓名', '性别', '单位'] }, { rowNumber: 2, cells: ['张三', '男', '厂'] }], context());
		expect(missing.problems.map((problem) => problem.column)).toEqual(['证件号码', '手机号码', '报名项目', '工龄']);
		const nul = parseTable([{ rowNumber: 1, cells: HEADER }, row(2, person(1, { name: 'a\u0000b' }))], context());
		expect(nul.problems).toEqual([expect.objectContaining({ row: 2, column: '姓名' })]);
	});

	it('reads pasted text with or without its header row', () => {
		const line = (values: Record<string, string>) => columns.map((column) => values[column.key] ?? '').join('\t');
		const withHeader = parseTable(tableFromText([HEADER.join('\t'), line(person(1)), '', line(person(2))].join('\r\n')), context({ header: 'optional' }));
		expect(withHeader.problems).toEqual([]);
		expect(withHeader.entries.map((entry) => entry.rows)).toEqual([[2], [4]]);
		const bare = parseTable(tableFromText(line(person(1, { phone: '12' }))), context({ header: 'optional' }));
		expect(bare.problems).toEqual([expect.objectContaining({ row: 1, column: '手机号码' })]);
	});

	it('puts the registration core’s problems at the rows and columns of the sheet', () => {
		const parsed = parseTable([{ rowNumber: 1, cells: HEADER }, row(2, person(1)), row(3, person(2, { event: '团体赛', teamName: 'A', leader: '是' })), row(4, person(3, { event: '团体赛', teamName: 'A' }))], context());
		const problems = problemsAtRows({ '0.members.0.idNumber': '已报名', '1.members.1.phone': '手机', '1.members': '人数', '0.extra.work_years': '工龄', '1.eventId': '项目' }, parsed.entries, columns);
		expect(problems.map(({ row, column }) => [row, column])).toEqual([
			[2, '证件号码'],
			[4, '手机号码'],
			[3, '团体名称'],
			[2, '工龄'],
			[3, '报名项目']
		]);
	});
});

describe('reading a list as it arrives', () => {
	const list = (count: number, change: (n: number) => Partial<Record<string, string>> = () => ({})) => [{ rowNumber: 1, cells: HEADER }, ...Array.from({ length: count }, (_, index) => row(index + 2, person(index + 1, change(index + 1))))];
	const inChunks = (rows: TableRow[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, index) => rows.slice(index * size, (index + 1) * size));

	it('hands out each individual row as soon as it is read, and teams once every row is in', () => {
		const rows = list(7, (n) => (n === 2 || n === 6 ? { event: '团体赛', teamName: 'A', leader: n === 6 ? '是' : '否' } : {}));
		const parser = new TableParser(context());
		const handedOut = inChunks(rows, 3).map((chunk) => parser.push(chunk).map((entry) => entry.rows));
		expect(handedOut).toEqual([[[2]], [[4], [5], [6]], [[8]]]);
		const { teams, problems, rowCount } = parser.finish();
		expect(problems).toEqual([]);
		expect(teams.map((entry) => entry.rows)).toEqual([[7, 3]]);
		expect(rowCount).toBe(7);
	});

	it('finds the same problems in chunks as whole, and hands out nothing once a row is wrong', () => {
		// Row 9 repeats the person of row 2, across a chunk boundary; row 6 has a phone too short.
		const rows = list(10, (n) => (n === 8 ? { idNumber: residentIdNumber(1, { gender: 'male' }) } : n === 5 ? { phone: '138' } : {}));
		const whole = parseTable(rows, context());
		const parser = new TableParser(context());
		const handedOut = inChunks(rows, 4).map((chunk) => parser.push(chunk).length);
		expect(handedOut).toEqual([3, 0, 0]);
		const streamed = parser.finish();
		expect(streamed.problems).toEqual(whole.problems);
		expect(streamed.problems.map(({ row, column }) => `${row} ${column}`)).toEqual(['6 手机号码', '9 证件号码']);
		expect(streamed.teams).toEqual([]);
	});

	it('says a list has no rows, or misses a column, whether empty or header only', () => {
		const empty = new TableParser(context());
		expect(empty.finish().problems.map(({ row, column }) => `${row} ${column}`)).toContain('1 姓名');
		const headerOnly = new TableParser(context());
		headerOnly.push([{ rowNumber: 1, cells: HEADER }]);
		expect(headerOnly.finish().problems).toEqual([expect.objectContaining({ row: 2, field: null })]);
	});
});
