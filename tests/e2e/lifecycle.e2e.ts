import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus } from './seed';

async function createContest(page: Page, title: string, slug: string) {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill(title);
	await form.getByLabel('网址标识').fill(slug);
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByLabel('第一个竞赛项目').fill('钳工');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
}

test('each step asks first and says what it freezes; a step back needs a reason and is audited', async ({ page }) => {
	await signIn(page);
	await createContest(page, '钳工技能比武', 'fitter-2026');
	const competition = page.url();
	const status = page.getByTestId('competition-status');

	await page.getByRole('button', { name: '进入下一阶段：报名中' }).click();
	const confirm = page.getByTestId('lifecycle-confirm');
	await expect(confirm.getByRole('heading')).toHaveText('进入下一阶段：报名中？');
	await expect(confirm.getByRole('heading')).toBeFocused();
	await expect(confirm).toContainText('评分开始前仍可修改');
	// Cancelling changes nothing.
	await confirm.getByRole('link', { name: '取消' }).click();
	await expect(confirm).toHaveCount(0);
	await expect(status).toHaveText('草稿');

	await page.getByRole('button', { name: '进入下一阶段：报名中' }).click();
	await page.getByRole('button', { name: '确认进入报名中' }).click();
	await expect(status).toHaveText('报名中');
	await expect(page.getByRole('status').filter({ hasText: '已进入新阶段' })).toBeVisible();
	// Nobody can register yet: screening says why and cannot be asked for.
	await expect(page.getByTestId('lifecycle-blockers')).toHaveText('还不能进入下一阶段：还没有报名的选手（报名功能尚未开放）');
	await expect(page.getByRole('button', { name: '进入下一阶段：初审中' })).toBeDisabled();

	await page.getByRole('button', { name: '退回上一阶段：草稿' }).click();
	await expect(confirm).toContainText('原因会记入审计日志');
	await page.getByLabel('退回原因').fill('   ');
	await page.getByRole('button', { name: '确认退回草稿' }).click();
	await expect(confirm.getByRole('alert')).toHaveText('此项必填');
	await expect(status).toHaveText('报名中');
	await page.getByLabel('退回原因').fill('报名通知的日期写错了');
	await page.getByRole('button', { name: '确认退回草稿' }).click();
	await expect(status).toHaveText('草稿');
	await expect(page.getByRole('status').filter({ hasText: '已退回上一阶段' })).toBeVisible();
	await expect(confirm).toHaveCount(0);

	await page.goto(`/orgs/${OWNER.organisationSlug}/audit`);
	const row = page.getByTestId('audit-rows').locator('li').filter({ hasText: '竞赛退回上一阶段' }).first();
	await expect(row).toBeVisible();
	// Named and in words: the competition, not its id; the stage as people say it; the reason.
	await expect(row.getByTestId('audit-subject')).toHaveText('钳工技能比武');
	await expect(row.getByTestId('audit-change')).toContainText('阶段：报名中 → 草稿');
	await expect(row.getByTestId('audit-change')).toContainText('原因：报名通知的日期写错了');
	await expect(row).not.toContainText(competitionIdOf(competition));
	// A scheme from a template is summarised, never dumped.
	const scheme = page.getByTestId('audit-rows').locator('li').filter({ hasText: '按模板设置评分方案' }).filter({ hasText: '钳工 · 决赛' }).first();
	await expect(scheme.getByTestId('audit-change')).toContainText('理论考试 20 %；实际操作 80 %');
	await expect(page.getByTestId('audit-rows')).not.toContainText('"components"');
});

test('the overview folds the same thing done again and again into one line', async ({ page }) => {
	await signIn(page);
	await createContest(page, '车工技能比武', 'turner-2026');
	for (let times = 0; times < 3; times += 1) {
		await page.getByLabel('地点').fill(`实训楼 ${times + 1}`);
		const saved = page.waitForResponse((response) => response.url().includes('?/update') && response.request().method() === 'POST');
		await page.locator('form[action="?/update"]').getByRole('button', { name: '保存' }).click();
		expect((await saved).ok()).toBe(true);
	}
	await page.goto(`/orgs/${OWNER.organisationSlug}`);
	const first = page.locator('ul').filter({ hasText: '修改竞赛信息' }).locator('li').first();
	await expect(first).toContainText('修改竞赛信息');
	await expect(first.getByTestId('activity-count')).toHaveText('×3');
	await expect(first).toContainText('车工技能比武');
});

test('once judging has started there is no step back, and an empty contest never reaches final', async ({ page }) => {
	await signIn(page);
	await createContest(page, '焊工技能比武', 'welder-2026');
	const id = competitionIdOf(page.url());
	await seedCompetitionStatus(id, 'judging');
	await page.reload();
	await expect(page.getByRole('button', { name: /退回上一阶段/ })).toHaveCount(0);
	await expect(page.getByTestId('lifecycle-blockers')).toHaveText('还不能进入下一阶段：还没有报名的选手（报名功能尚未开放）');
	await seedCompetitionStatus(id, 'notice');
	await page.reload();
	await expect(page.getByTestId('lifecycle-blockers')).toHaveText('还不能进入下一阶段：还没有成绩（评分功能尚未开放）');
	await expect(page.getByRole('button', { name: '进入下一阶段：结果已发布' })).toBeDisabled();
	// Asking for the confirmation by address does not get past the guard either.
	await page.goto(`${page.url()}?advance=final`);
	await expect(page.getByTestId('lifecycle-confirm')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the confirmation and the step back work as plain forms', async ({ page }) => {
		await signIn(page);
		await createContest(page, '电工技能比武', 'electric-nojs-2026');
		await page.getByRole('button', { name: '进入下一阶段：报名中' }).click();
		await expect(page).toHaveURL(/\?advance=registration$/);
		await page.getByRole('button', { name: '确认进入报名中' }).click();
		await expect(page.getByTestId('competition-status')).toHaveText('报名中');
		await page.getByRole('button', { name: '退回上一阶段：草稿' }).click();
		await page.getByLabel('退回原因').fill('  ');
		await page.getByRole('button', { name: '确认退回草稿' }).click();
		await expect(page.getByTestId('lifecycle-confirm').getByRole('alert')).toHaveText('此项必填');
		await page.getByLabel('退回原因').fill('主办单位要求改期');
		await page.getByRole('button', { name: '确认退回草稿' }).click();
		await expect(page.getByTestId('competition-status')).toHaveText('草稿');
	});
});
