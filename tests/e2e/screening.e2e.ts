import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus, seedScreeningEntries } from './seed';
import { residentIdNumber } from '../fixtures/people';

test('an organiser filters the entries, reveals a number (audited), approves in bulk and rejects one with a preset reason', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill('初审技能比武');
	await form.getByLabel('网址标识').fill(`screening-${Date.now().toString(36)}`);
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByLabel('第一个竞赛项目').fill('钳工');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	await seedCompetitionStatus(competitionId, 'screening');
	await seedScreeningEntries(competitionId, 12, ['材料不全', '工龄不足']);

	await page.reload();
	await expect(page.getByTestId('status-counts').getByTestId('count-submitted')).toHaveText('12');
	await page.getByTestId('entries-link').click();
	await expect(page.getByTestId('entry-total')).toHaveText('共 12 条符合');

	// Filter by unit, then search by a name.
	await page.getByLabel('单位', { exact: true }).selectOption('单位A');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByTestId('entry-total')).toHaveText('共 6 条符合');
	await page.getByLabel('搜索').fill('选手3');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByTestId('entry-total')).toHaveText('共 1 条符合');

	// Open the entry: masked until asked, then the full number, and the audit log says so.
	await page.getByTestId('entry-table').getByRole('link', { name: '选手3' }).click();
	const full = residentIdNumber(3, { gender: 'female' });
	const idNumber = page.getByTestId('id-number');
	await expect(idNumber).toHaveText(`${full.slice(0, 6)}********${full.slice(14)}`);
	await expect(page.getByTestId('phone')).toHaveText('139****0003');
	await page.getByTestId('reveal').click();
	await expect(idNumber).toHaveText(full);
	await expect(page.getByTestId('phone')).toHaveText('13900000003');
	const entryUrl = page.url();
	await page.goto(`/orgs/${OWNER.organisationSlug}/audit`);
	await expect(page.getByTestId('audit-rows').first()).toContainText('查看完整证件号码');
	await expect(page.getByTestId('audit-rows').first()).toContainText('选手3（钳工）');
	await expect(page.getByTestId('audit-rows')).not.toContainText(full);

	// Approve all of 单位A in one go.
	await page.goto(entryUrl);
	await page.getByRole('link', { name: '← 报名' }).click();
	await page.getByLabel('单位', { exact: true }).selectOption('单位A');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByTestId('entry-total')).toHaveText('共 6 条符合');
	await page.getByTestId('bulk-all').check();
	await page.getByTestId('bulk-decision').getByRole('button', { name: '通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText('通过 6 条');
	await expect(page.getByTestId('count-approved')).toHaveText('6');
	await expect(page.getByTestId('count-submitted')).toHaveText('6');

	// Reject one of 单位B with a preset reason and a word of one's own.
	await page.goto(`${page.url().split('?')[0]}?unit=${encodeURIComponent('单位B')}`);
	await page.getByTestId('entry-table').getByRole('link', { name: '选手4' }).click();
	const decision = page.getByTestId('decision-form');
	await decision.getByLabel('预设原因').selectOption('材料不全');
	await decision.getByLabel('补充说明').fill('缺少申报表');
	await decision.getByRole('button', { name: '不通过', exact: true }).click();
	await expect(page.getByTestId('entry-status')).toHaveText('未通过');
	await expect(page.getByTestId('status-reason')).toHaveText('原因：材料不全；缺少申报表');
	await expect(page.getByTestId('decisions')).toContainText(OWNER.displayName);
});
