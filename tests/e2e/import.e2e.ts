import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkbookForInspection } from '../../src/lib/server/workbooks/xlsx';
import { entrant } from '../fixtures/people';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus } from './seed';

const ROWS = 1000;
const BAD_ROWS = { 5: { 证件号码: '33052319850312001X' }, 300: { 手机号码: '1380013800' }, 801: { 性别: '不详' } } as Record<number, Record<string, string>>;

async function createContest(page: Page) {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill('全县车工名单导入赛');
	await form.getByLabel('网址标识').fill('import-2026');
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByLabel('第一个竞赛项目').fill('车工');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	return page.url();
}

/** The downloaded template with 1,000 people typed in (sheet rows 2–1001), some of them wrong. */
async function fillTemplate(template: string, wrong: Record<number, Record<string, string>>): Promise<string> {
	const workbook = await loadWorkbookForInspection(readFileSync(template));
	const sheet = workbook.worksheets[0]!;
	const headers = (sheet.getRow(1).values as string[]).slice(1);
	for (let index = 0; index < ROWS; index++) {
		const person = entrant(index + 1);
		const sheetRow = index + 2;
		const values: Record<string, string> = { 姓名: person.name, 性别: person.gender === 'male' ? '男' : '女', 证件类型: '居民身份证', 证件号码: person.idNumber, 手机号码: person.phone, 单位: person.unit, 工种: '车工', 技能等级: '高级工', 报名项目: '车工', ...wrong[sheetRow] };
		headers.forEach((header, column) => {
			if (values[header] !== undefined) sheet.getCell(sheetRow, column + 1).value = values[header]!;
		});
	}
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiangxin-e2e-')), `名单-${Object.keys(wrong).length}.xlsx`);
	writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
	return file;
}

test('an organiser downloads the template, sees each wrong row, fixes the list and imports 1,000 people', async ({ page }) => {
	test.setTimeout(240_000);
	await signIn(page);
	const competition = await createContest(page);
	await seedCompetitionStatus(competitionIdOf(competition), 'registration');
	await page.goto(`${competition}/entries/import`);
	await expect(page.getByRole('heading', { name: '导入报名名单' })).toBeVisible();
	await expect(page.getByRole('link', { name: '导出 Excel' })).toBeVisible();
	await expect(page.getByTestId('entries-total')).toHaveText('共 0 份报名');

	const downloading = page.waitForEvent('download');
	await page.getByTestId('download-template').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
	const template = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiangxin-e2e-')), 'template.xlsx');
	await download.saveAs(template);

	await page.getByLabel('Excel 名单（xlsx 格式）').setInputFiles(await fillTemplate(template, BAD_ROWS));
	await page.getByTestId('check-list').click();
	await expect(page.getByTestId('import-progress')).toBeVisible();
	const problems = page.getByTestId('import-problem');
	await expect(problems).toHaveCount(3, { timeout: 60_000 });
	await expect(page.getByTestId('import-problems').getByRole('heading')).toHaveText('有 3 处错误，未导入任何报名');
	await expect(problems.nth(0)).toHaveText(/^5\s*证件号码\s*身份证号码校验位不对/);
	await expect(problems.nth(1)).toHaveText(/^300\s*手机号码\s*请输入 11 位手机号码/);
	await expect(problems.nth(2)).toHaveText(/^801\s*性别\s*请从下拉列表中选择：男、女/);
	await expect(page.getByTestId('confirm-import')).toHaveCount(0);

	await page.getByLabel('Excel 名单（xlsx 格式）').setInputFiles(await fillTemplate(template, {}));
	await page.getByTestId('check-list').click();
	await expect(page.getByTestId('plan-created')).toHaveText('新增报名 1000 份', { timeout: 60_000 });
	await expect(page.getByTestId('plan-unchanged')).toHaveText('未变 0 份（不做改动）');
	await expect(page.getByTestId('entries-total')).toHaveText('共 0 份报名');

	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await expect(page.getByTestId('import-done')).toHaveText('新增 1000 份，更新 0 份，未变 0 份。', { timeout: 90_000 });
	await expect(page.getByTestId('entries-total')).toHaveText('共 1000 份报名');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
});
