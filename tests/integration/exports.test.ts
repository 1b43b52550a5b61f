import { beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { newOrg } from '../fixtures/factories';
import { seedJudgeRound, type JudgeRound } from '../fixtures/judge-entries';
import { insertSheet, practicalScores, seedPanel, type PanelJudge } from '../fixtures/live-judging';
import { seedFinalResult } from '../fixtures/results';
import { insertVotes, votingRound, type VotingRound } from '../fixtures/votes';
import { sessionCookie } from './http-helpers';

// Issue 17's Excel exports, read back the way a user's spreadsheet program would: with exceljs and,
// independently, with read-excel-file (its own unzip and XML parser).

let owner: OrgActor;
let round: JudgeRound;
let judges: PanelJudge[];
let token: string;
let voting: VotingRound;

const app = () => inject('appUrl');
const exportPath = (competitionId: string, roundId: string, kind: string) => `/api/v1/competitions/${competitionId}/rounds/${roundId}/exports/${kind}.xlsx`;

function download(path: string, options: { bearer?: string; cookie?: string; locale?: string } = {}) {
	const cookies = [`PARAGLIDE_LOCALE=${options.locale ?? 'zh-CN'}`, ...(options.cookie ? [options.cookie] : [])];
	return fetch(`${app()}${path}`, { redirect: 'manual', headers: { ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}), cookie: cookies.join('; ') } });
}

async function workbookOf(response: Response) {
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('spreadsheetml');
	const bytes = Buffer.from(await response.arrayBuffer());
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as never);
	const second = await readXlsxFile(bytes);
	return { workbook, second };
}

/** What a second, independent reader sees on the named sheet (values as it parses them). */
const sheetRows = (second: Awaited<ReturnType<typeof readXlsxFile>>, name: string) => second.find((sheet) => sheet.sheet === name)?.data ?? [];

beforeAll(async () => {
	owner = await newOrg();
	round = await seedJudgeRound(owner, { count: 3, blind: true });
	judges = await seedPanel(owner, round, 2);
	const [first, second, third] = round.entries;
	await insertSheet(owner, { roundId: round.roundId, entryId: first!.id, judgeId: judges[0]!.judgeId, scores: practicalScores(80), status: 'locked' });
	await insertSheet(owner, { roundId: round.roundId, entryId: second!.id, judgeId: judges[0]!.judgeId, scores: practicalScores(90), status: 'submitted' });
	await insertSheet(owner, { roundId: round.roundId, entryId: third!.id, judgeId: judges[0]!.judgeId, scores: practicalScores(50), status: 'draft' });
	await insertSheet(owner, { roundId: round.roundId, entryId: first!.id, judgeId: judges[1]!.judgeId, scores: practicalScores(70), status: 'submitted' });
	await seedFinalResult(owner, round.roundId, [
		{ entryId: second!.id, number: second!.number, rank: 1, total: 9150, components: { theory: 9000, practical: 9188 }, tierKey: 'first', tierLabel: '一等奖', specialAward: '工匠特别奖' },
		{ entryId: first!.id, number: first!.number, rank: 2, total: 8805, components: { theory: 8525, practical: 8875 }, tierKey: 'second', tierLabel: '二等奖' },
		{ entryId: third!.id, number: third!.number, rank: 3, total: 6000, components: { theory: 6000, practical: 6000 } }
	]);
	// Not yet revealed: the round stays blind in every export.
	await db()`update round set results_revealed_at = null where id = ${round.roundId}`;
	token = (await createApiToken(owner, 'exports')).token;
	voting = await votingRound(owner, { candidates: 2, opensAt: new Date('2026-05-01T00:00:00Z'), closesAt: new Date('2026-05-08T00:00:00Z') });
	const at = (count: number) => Array.from({ length: count }, (_, index) => new Date(Date.UTC(2026, 4, 2, 3, index)));
	await insertVotes({ organisationId: owner.organisation.id, roundId: voting.roundId, entryId: voting.entryIds[0]!, times: at(5) });
	await insertVotes({ organisationId: owner.organisation.id, roundId: voting.roundId, entryId: voting.entryIds[0]!, times: at(2), status: 'flagged' });
	await insertVotes({ organisationId: owner.organisation.id, roundId: voting.roundId, entryId: voting.entryIds[1]!, times: at(3), status: 'voided' });
}, 120_000);

describe('成绩单 (results)', () => {
	it('lists rank, number, components, total, tier and special award as numbers with two decimals — no names before the reveal', async () => {
		const { workbook, second } = await workbookOf(await download(exportPath(round.competitionId, round.roundId, 'results'), { bearer: token }));
		const sheet = workbook.getWorksheet('成绩单')!;
		expect(sheet.getRow(1).values).toEqual([undefined, '名次', '编号', '理论考试', '实际操作', '总分', '奖项', '特别奖']);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
		const top = sheet.getRow(2);
		expect([top.getCell(1).value, top.getCell(2).value, top.getCell(5).value, top.getCell(6).value, top.getCell(7).value]).toEqual([1, round.entries[1]!.number, 91.5, '一等奖', '工匠特别奖']);
		expect(top.getCell(5).numFmt).toBe('0.00');
		expect(sheet.getRow(3).getCell(4).value).toBe(88.75);
		const text = JSON.stringify(sheetRows(second, '成绩单'));
		for (const entry of round.entries) expect(text).not.toContain(entry.name);
		expect(sheetRows(second, '成绩单').slice(0, 3)).toEqual([
			['名次', '编号', '理论考试', '实际操作', '总分', '奖项', '特别奖'],
			[1, round.entries[1]!.number, 90, 91.88, 91.5, '一等奖', '工匠特别奖'],
			[2, round.entries[0]!.number, 85.25, 88.75, 88.05, '二等奖', null]
		]);
	});

	it('adds names and units once the results are revealed, with English headers for an English request', async () => {
		await db()`update round set results_revealed_at = now() where id = ${round.roundId}`;
		try {
			const { second } = await workbookOf(await download(exportPath(round.competitionId, round.roundId, 'results'), { bearer: token, locale: 'en' }));
			const rows = sheetRows(second, 'Results');
			expect(rows[0]).toEqual(['Rank', 'No.', 'Name', 'Unit', 'Theory exam', expect.any(String), 'Total', 'Award', 'Special award']);
			expect(rows[1]!.slice(0, 4)).toEqual([1, round.entries[1]!.number, round.entries[1]!.name, round.entries[1]!.unit]);
			expect(rows[3]![6]).toBe(60);
		} finally {
			await db()`update round set results_revealed_at = null where id = ${round.roundId}`;
		}
	});
});

describe('the judges’ score sheets', () => {
	it('gives each judge a sheet of their submitted and locked sheets: number, criteria, R_j — numbers only while blind', async () => {
		const { workbook, second } = await workbookOf(await download(exportPath(round.competitionId, round.roundId, 'judge-sheets'), { bearer: token }));
		expect(workbook.worksheets.map((sheet) => sheet.name).sort()).toEqual([judges[0]!.name, judges[1]!.name].sort());
		const mine = sheetRows(second, judges[0]!.name);
		expect(mine[0]).toEqual(['编号', '工艺规范', '尺寸精度', '表面质量', '完成度', '安全文明生产', '裁判得分（R_j）', '状态']);
		// The draft sheet (entry 3) is not there; 80 % of each max is R_j 80.00.
		expect(mine.slice(1)).toEqual([
			[round.entries[0]!.number, 16, 28, 16, 12, 8, 80, '已锁定'],
			[round.entries[1]!.number, 18, 31.5, 18, 13.5, 9, 90, '已提交']
		]);
		expect(workbook.getWorksheet(judges[0]!.name)!.getRow(2).getCell(7).numFmt).toBe('0.00');
		expect(JSON.stringify(second)).not.toContain(round.entries[0]!.name);
	});
});

describe('the sign-off sheet', () => {
	it('summarises the totals and leaves lines for the head judge, two supervisors and the date; the head judge may download it', async () => {
		const headCookie = await sessionCookie(judges[0]!.user.id);
		const { second } = await workbookOf(await download(exportPath(round.competitionId, round.roundId, 'sign-off'), { cookie: headCookie }));
		const rows = sheetRows(second, '签字表');
		expect(rows[0]![0]).toBe('成绩确认签字表');
		const byLabel = new Map(rows.map((row) => [row[0], row[1]]));
		expect(byLabel.get('排名人数')).toBe(3);
		expect(byLabel.get('最高分')).toBe(91.5);
		expect(byLabel.get('最低分')).toBe(60);
		expect(byLabel.get('平均分')).toBe(79.85);
		expect(byLabel.get('裁判长（签字）')).toBe(judges[0]!.name);
		expect([...byLabel.keys()]).toEqual(expect.arrayContaining(['监督员1（签字）', '监督员2（签字）', '日期']));
		// The head judge gets nothing else.
		expect((await download(exportPath(round.competitionId, round.roundId, 'results'), { cookie: headCookie })).status).toBe(403);
		// Their matrix (/judge, outside the organisation's pages) links to it.
		const matrix = await (await download(`/judge/rounds/${round.roundId}/matrix`, { cookie: headCookie })).text();
		expect(matrix).toContain(exportPath(round.competitionId, round.roundId, 'sign-off'));
	});
});

describe('the vote tallies', () => {
	it('counts accepted, flagged and voided votes per candidate', async () => {
		const { second } = await workbookOf(await download(exportPath(voting.competitionId, voting.roundId, 'votes'), { bearer: token }));
		const rows = sheetRows(second, '投票统计');
		expect(rows[0]).toEqual(['编号', '姓名', '有效票', '待审票', '作废票']);
		expect(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
			[1, 5, 2, 0],
			[2, 0, 0, 3]
		]);
	});
});

describe('who may download', () => {
	it('answers 404 for a round under another competition or organisation, and the organiser’s page links open', async () => {
		expect((await download(exportPath(voting.competitionId, round.roundId, 'results'), { bearer: token })).status).toBe(404);
		const stranger = await newOrg();
		const strangerToken = (await createApiToken(stranger, 'stranger')).token;
		const refused = await download(exportPath(round.competitionId, round.roundId, 'results'), { bearer: strangerToken });
		expect(refused.status).toBe(404);
		expect((await refused.json()).error.code).toBe('not_found');
		expect((await download(exportPath(round.competitionId, round.roundId, 'spreadsheet'), { bearer: token })).status).toBeGreaterThanOrEqual(400);
		const ownerCookie = await sessionCookie(owner.user.id);
		const base = `/orgs/${owner.organisation.slug}/competitions`;
		expect((await download(`${base}/${round.competitionId}/rounds/${round.roundId}/exports/judge-sheets.xlsx`, { cookie: ownerCookie })).status).toBe(200);
		expect((await download(`${base}/${voting.competitionId}/rounds/${round.roundId}/exports/results.xlsx`, { cookie: ownerCookie })).status).toBe(404);
		const matrix = await (await download(`${base}/${round.competitionId}/rounds/${round.roundId}/matrix`, { cookie: ownerCookie })).text();
		expect(matrix).toContain(`/rounds/${round.roundId}/exports/results.xlsx`);
	});
});

describe('the results analysis page', () => {
	it('shows the totals’ histogram and each judge’s leniency against the panel over the same entries, as tables too', async () => {
		const html = await (await download(`/orgs/${owner.organisation.slug}/competitions/${round.competitionId}/rounds/${round.roundId}/analysis`, { cookie: await sessionCookie(owner.user.id) })).text();
		// Totals 91.50, 88.05 and 60.00 fall into 5-point bands from 60 to 95.
		expect(html).toContain('60.00至65.00');
		expect(html).toContain('90.00至95.00');
		const rows = [...html.matchAll(/data-testid="leniency-row"[\s\S]*?<\/tr>/g)].map((match) => match[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
		// Judge 1 scored 80 and 90 (mean 85.00); the panel on those entries: (80 + 70 + 90) ÷ 3 = 80.00 → +5.00. Judge 2: 70 against 75.00 → −5.00.
		expect(rows).toEqual([expect.stringContaining(`${judges[0]!.name} 2 85.00 80.00 +5.00`), expect.stringContaining(`${judges[1]!.name} 1 70.00 75.00 -5.00`)]);
	});
});
