import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { checkList, createContest, downloadTemplate, fillTemplate } from './contest-steps';
import { competitionIdOf, seedCompetitionStatus } from './seed';

const ROWS = 1000;
const BAD_ROWS = { 5: { 证件号码: '33052319850312001X' }, 300: { 手机号码: '1380013800' }, 801: { 性别: '不详' } } as Record<number, Record<string, string>>;

test('an organiser downloads the template, sees each wrong row, fixes the list and imports 1,000 people', async ({ page }) => {
	test.setTimeout(240_000);
	await signIn(page);
	const competition = await createContest(page, '全县车工名单导入赛', 'import-2026', '车工');
	await seedCompetitionStatus(competitionIdOf(competition), 'registration');
	await page.goto(`${competition}/entries/import`);
	await expect(page.getByRole('heading', { name: '导入报名名单' })).toBeVisible();
	await expect(page.getByRole('link', { name: '导出 Excel' })).toBeVisible();
	await expect(page.getByTestId('entries-total')).toHaveText('共 0 份报名');

	const template = await downloadTemplate(page);

	await checkList(page, await fillTemplate(template, '车工', ROWS, BAD_ROWS));
	await expect(page.getByTestId('import-progress')).toBeVisible();
	const problems = page.getByTestId('import-problem');
	await expect(problems).toHaveCount(3, { timeout: 60_000 });
	await expect(page.getByTestId('import-problems').getByRole('heading')).toHaveText('有 3 处错误，未导入任何报名');
	await expect(problems.nth(0)).toHaveText(/^5\s*证件号码\s*身份证号码校验位不对/);
	await expect(problems.nth(1)).toHaveText(/^300\s*手机号码\s*请输入 11 位手机号码/);
	await expect(problems.nth(2)).toHaveText(/^801\s*性别\s*请从下拉列表中选择：男、女/);
	await expect(page.getByTestId('confirm-import')).toHaveCount(0);

	await checkList(page, await fillTemplate(template, '车工', ROWS, {}));
	await expect(page.getByTestId('plan-created')).toHaveText('新增报名 1000 份', { timeout: 60_000 });
	await expect(page.getByTestId('plan-unchanged')).toHaveText('未变 0 份（不做改动）');
	await expect(page.getByTestId('entries-total')).toHaveText('共 0 份报名');

	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await expect(page.getByTestId('import-done')).toHaveText('新增 1000 份，更新 0 份，未变 0 份。', { timeout: 90_000 });
	await expect(page.getByTestId('entries-total')).toHaveText('共 1000 份报名');
	await expect(page.getByTestId('import-progress')).toHaveCount(0);
});
