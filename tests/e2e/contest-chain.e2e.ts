import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { advanceStage, checkList, createContest, downloadTemplate, drawStage, fillTemplate, verifyInBrowser } from './contest-steps';

// The whole chain of issue 14 as one organiser walks it, through the UI only, each step on what the one
// before left: a union's list with three wrong rows → the fixed list of 1,000 → screening in bulk →
// draw stages 1 and 2 → verification in the browser.
const ROWS = 1000;
const EVENT = '焊工';
const BAD_ROWS: Record<number, Record<string, string>> = { 7: { 证件号码: '33052319850312001X' }, 420: { 手机号码: '1380013800' }, 999: { 性别: '不详' } };
const REJECTED = 3;

test('an organiser imports a union list (fixing three rows), screens 1,000 entries in bulk, runs draw stages 1 and 2 and verifies them', async ({ page }) => {
	test.setTimeout(420_000);
	const slug = `chain-${Date.now().toString(36)}`;
	await signIn(page);
	const competition = await createContest(page, '全县焊工技能竞赛', slug, EVENT);
	await advanceStage(page, '报名中');

	// The list with three wrong rows: each is named by row, column and reason, and nothing is imported.
	await page.goto(`${competition}/entries/import`);
	const template = await downloadTemplate(page);
	const [wrongList, rightList] = await Promise.all([fillTemplate(template, EVENT, ROWS, BAD_ROWS), fillTemplate(template, EVENT, ROWS, {})]);
	await checkList(page, wrongList);
	const problems = page.getByTestId('import-problem');
	await expect(problems).toHaveCount(3, { timeout: 60_000 });
	await expect(page.getByTestId('import-problems').getByRole('heading')).toHaveText('有 3 处错误，未导入任何报名');
	await expect(problems.nth(0)).toHaveText(/^7\s*证件号码\s*身份证号码校验位不对/);
	await expect(problems.nth(1)).toHaveText(/^420\s*手机号码\s*请输入 11 位手机号码/);
	await expect(problems.nth(2)).toHaveText(/^999\s*性别\s*请从下拉列表中选择：男、女/);
	await expect(page.getByTestId('confirm-import')).toHaveCount(0);
	await expect(page.getByTestId('entries-total')).toHaveText('共 0 份报名');

	// The fixed list: checked, then imported behind a progress bar.
	await checkList(page, rightList);
	await expect(page.getByTestId('plan-created')).toHaveText(`新增报名 ${ROWS} 份`, { timeout: 60_000 });
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-progress')).toBeVisible();
	await expect(page.getByTestId('import-done')).toHaveText(`新增 ${ROWS} 份，更新 0 份，未变 0 份。`, { timeout: 120_000 });
	await expect(page.getByTestId('import-progress')).toHaveCount(0);

	// The list counts them; then the competition moves on to screening.
	await page.goto(`${competition}/entries`);
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${ROWS} 条符合`);
	await expect(page.getByTestId('count-submitted')).toHaveText(String(ROWS));
	await page.goto(competition);
	await advanceStage(page, '初审中');

	// Reject a few by hand, with a reason; then approve everything still submitted, by filter.
	await page.goto(`${competition}/entries`);
	const boxes = page.getByTestId('entry-table').locator('input[name="entryIds"]');
	for (let index = 0; index < REJECTED; index++) await boxes.nth(index).check();
	const bulk = page.getByTestId('bulk-decision');
	await expect(bulk).toContainText(`已选 ${REJECTED}`);
	await bulk.getByLabel('补充说明').fill('单位证明未盖章');
	await bulk.getByRole('button', { name: '不通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText(`不通过 ${REJECTED} 条`);
	await expect(page.getByTestId('count-rejected')).toHaveText(String(REJECTED));

	await page.getByTestId('status-counts').locator('a', { has: page.getByTestId('count-submitted') }).click();
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${ROWS - REJECTED} 条符合`);
	await page.getByTestId('bulk-all').check();
	await bulk.getByRole('button', { name: '通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText(`通过 ${ROWS - REJECTED} 条`, { timeout: 60_000 });
	await expect(page.getByTestId('count-approved')).toHaveText(String(ROWS - REJECTED));
	await expect(page.getByTestId('count-rejected')).toHaveText(String(REJECTED));
	await expect(page.getByTestId('count-submitted')).toHaveText('0');

	// A rejected entry shows its reason.
	await page.getByTestId('status-counts').locator('a', { has: page.getByTestId('count-rejected') }).click();
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${REJECTED} 条符合`);
	await page.getByTestId('entry-table').locator('tbody a').first().click();
	// The list shows statuses too: read the entry's own page only once it is there.
	await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('entry-status')).toHaveText('未通过');
	await expect(page.getByTestId('status-reason')).toHaveText('原因：单位证明未盖章');

	// The draw: stage 1 numbers every approved entry, stage 2 gives the running order.
	await page.goto(competition);
	await page.getByTestId('draw-link').click();
	await page.getByRole('link', { name: '管理抽签' }).first().click();
	const seed1 = await drawStage(page, 1);
	await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(ROWS - REJECTED);
	await drawStage(page, 2);
	await expect(page.getByTestId('verification')).toContainText('第1阶段：种子与承诺一致');
	await expect(page.getByTestId('verification')).toContainText('第2阶段：种子与承诺一致');

	// Anyone can check it: the public draw page recomputes both stages in the browser.
	await page.goto(`/c/${slug}/draw`);
	await expect(page.getByTestId('draw-commitments').getByTestId('draw-seed').first()).toHaveText(seed1);
	await verifyInBrowser(page, [1, 2]);
	await expect(page.getByTestId('verify-bad')).toHaveCount(0);
});
