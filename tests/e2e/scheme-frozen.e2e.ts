import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus } from './seed';

// A long journey (create, three lifecycle steps, a long form, two saves, a reload): on a machine shared
// by several test runs it takes longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test('once judging starts a scheme change needs a reason and becomes a new version', async ({ page }) => {
	test.setTimeout(60_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.locator('input[name="title"]').fill('中式烹调师技能比武');
	await form.locator('input[name="slug"]').fill('cooking-2026');
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.locator('input[name="eventName"]').fill('中式烹调师');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);

	await page.getByRole('button', { name: '进入下一阶段：报名中' }).click();
	await page.getByRole('button', { name: '确认进入报名中' }).click();
	await expect(page.getByTestId('competition-status')).toHaveText('报名中');
	// Nobody can register yet, so judging is reached by seeding until registration and the draw exist.
	await seedCompetitionStatus(competitionIdOf(page.url()), 'judging');
	await page.reload();
	await expect(page.getByTestId('competition-status')).toHaveText('评分中');
	// Judging has started: no more events or rounds.
	await expect(page.getByRole('button', { name: '添加竞赛项目' })).toHaveCount(0);

	await page.getByRole('link', { name: '评分方案', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: '评审已经开始，方案已冻结' })).toBeVisible();
	await page.locator('#f-components-0-weight').fill('25');
	await page.locator('#f-components-1-weight').fill('75');
	// Names in the criteria, deduction and award tables are edited in place too.
	await page.locator('#f-components-1-criteria-0-label-zh-CN').fill('工艺规范（含刀具选用）');
	await page.locator('#f-components-1-deductions-0-key').fill('workpiece_defect');
	await page.locator('#f-tiers-0-label-en').fill('Gold prize');
	await page.getByTestId('scheme-save').click();
	await expect(page.getByText('评分已开始，修改评分方案会生成新版本，请填写修改原因').first()).toBeVisible();

	await page.getByLabel('修改原因').fill('裁判长会议：理论占比调整为 25%');
	await page.getByTestId('scheme-save').click();
	const history = page.getByTestId('scheme-history');
	await expect(history.locator('tbody tr')).toHaveCount(2);
	await expect(history.locator('tbody tr').first()).toContainText('裁判长会议：理论占比调整为 25%');
	await page.reload();
	await expect(page.locator('#f-components-0-weight')).toHaveValue('25');
	await expect(page.locator('#f-components-1-criteria-0-label-zh-CN')).toHaveValue('工艺规范（含刀具选用）');
	await expect(page.locator('#f-components-1-deductions-0-key')).toHaveValue('workpiece_defect');
	await expect(page.locator('#f-tiers-0-label-en')).toHaveValue('Gold prize');
});
