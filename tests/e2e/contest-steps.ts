import { expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkbookForInspection } from '../../src/lib/server/workbooks/xlsx';
import { entrant } from '../fixtures/people';
import { OWNER } from './fixtures';

// Steps an organiser takes through the UI, shared by the single-capability journeys (import, draw) and
// the chained one (contest-chain.e2e.ts). Not a test file: Playwright refuses test files importing each other.

/** A skills contest from the template, with one event; answers the competition page's URL. */
export async function createContest(page: Page, title: string, slug: string, eventName: string): Promise<string> {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill(title);
	await form.getByLabel('网址标识').fill(slug);
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByLabel('第一个竞赛项目').fill(eventName);
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	return page.url();
}

/** Moves the competition on one stage through its page's confirmation (the competition page must be open). */
export async function advanceStage(page: Page, stage: string) {
	await page.getByRole('button', { name: `进入下一阶段：${stage}` }).click();
	await page.getByRole('button', { name: `确认进入${stage}` }).click();
	await expect(page.getByTestId('competition-status')).toHaveText(stage);
}

/** The import page's template, downloaded through its link (the import page must be open). */
export async function downloadTemplate(page: Page): Promise<string> {
	const downloading = page.waitForEvent('download');
	await page.getByTestId('download-template').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
	const template = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiangxin-e2e-')), 'template.xlsx');
	await download.saveAs(template);
	return template;
}

/**
 * The template with `rows` people typed in (sheet rows 2..rows+1), some cells made wrong: `wrong` maps a
 * sheet row to the cells (by header) to put there instead. Written with exceljs in the test process.
 */
export async function fillTemplate(template: string, eventName: string, rows: number, wrong: Record<number, Record<string, string>>): Promise<string> {
	const workbook = await loadWorkbookForInspection(readFileSync(template));
	const sheet = workbook.worksheets[0]!;
	const headers = (sheet.getRow(1).values as string[]).slice(1);
	for (let index = 0; index < rows; index++) {
		const person = entrant(index + 1);
		const sheetRow = index + 2;
		const values: Record<string, string> = { 姓名: person.name, 性别: person.gender === 'male' ? '男' : '女', 证件类型: '居民身份证', 证件号码: person.idNumber, 手机号码: person.phone, 单位: person.unit, 工种: eventName, 技能等级: '高级工', 报名项目: eventName, ...wrong[sheetRow] };
		headers.forEach((header, column) => {
			if (values[header] !== undefined) sheet.getCell(sheetRow, column + 1).value = values[header]!;
		});
	}
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiangxin-e2e-')), `名单-${Object.keys(wrong).length}.xlsx`);
	writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
	return file;
}

/** Uploads a list for checking on the import page. */
export async function checkList(page: Page, file: string) {
	await page.getByLabel('Excel 名单（xlsx 格式）').setInputFiles(file);
	await page.getByTestId('check-list').click();
}

/** Commits, runs and reveals one stage of the draw on the round's draw page; `commit` fills the commit form first if given. */
export async function drawStage(page: Page, number: number, commit?: (stage: ReturnType<Page['getByTestId']>) => Promise<void>) {
	const stage = page.getByTestId(`stage-${number}`);
	const step = async (summary: string, button: string, state: string) => {
		// A step's form may already be open (after a refused attempt).
		if ((await stage.locator('details[open]').count()) === 0) await stage.locator('summary', { hasText: summary }).click();
		if (button === 'commit' && commit) await commit(stage);
		await stage.getByTestId(`stage-${number}-${button}`).click();
		await expect(page.getByTestId(`stage-${number}-state`)).toHaveText(state, { timeout: 30_000 });
	};
	await step(`承诺第${number}阶段`, 'commit', '已承诺，待抽签');
	await step(`运行第${number}阶段抽签`, 'run', '已抽签，种子未公开');
	await step(`公开第${number}阶段种子`, 'reveal', '种子已公开，可以验证');
	const seed = (await page.getByTestId(`stage-${number}-seed`).textContent())!.trim();
	expect(seed).toMatch(/^[0-9a-f]{64}$/);
	return seed;
}

/** On the public draw page: each stage's verify button recomputes the draw in the browser and says it matches. */
export async function verifyInBrowser(page: Page, stages: number[]) {
	for (const [index, number] of stages.entries()) {
		await page.getByTestId(`verify-stage-${number}`).click();
		await expect(page.getByTestId('verify-ok').nth(index)).toHaveText('验证通过：种子与承诺一致，结果可以完全复现。', { timeout: 30_000 });
	}
}
