import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus } from './seed';

async function createFromTemplate(page: Page, input: { kind: string; title: string; slug: string; template: string; eventName: string }) {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.locator('select[name="kind"]').selectOption(input.kind);
	await form.getByLabel('名称', { exact: true }).fill(input.title);
	await form.getByLabel('网址标识').fill(input.slug);
	await form.locator('select[name="template"]').selectOption(input.template);
	await form.locator('input[name="eventName"]').fill(input.eventName);
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
}

test('an organiser creates a competition from each of the three templates in one click', async ({ page }) => {
	await signIn(page);
	await createFromTemplate(page, { kind: 'skills_contest', title: '全县职工纺织技能竞赛', slug: 'textile-2026', template: 'skills_contest', eventName: '织布工' });
	await expect(page.getByTestId('event-card')).toHaveCount(1);
	await expect(page.getByTestId('event-card').locator('li')).toHaveText([/1\. 决赛/]);
	await expect(page.getByTestId('event-card').getByText('第 1 版')).toBeVisible();

	await createFromTemplate(page, { kind: 'craftsman_award', title: '首届县级工匠评选', slug: 'craftsman-2026', template: 'craftsman_award', eventName: '县级工匠' });
	const rounds = page.getByTestId('event-card').locator('li');
	await expect(rounds).toHaveCount(2);
	await expect(rounds.nth(0)).toContainText('初评');
	await expect(rounds.nth(1)).toContainText('终评');

	await createFromTemplate(page, { kind: 'skills_contest', title: '世赛选拔 · 砌筑', slug: 'worldskills-2026', template: 'worldskills', eventName: '砌筑' });
	await expect(page.getByTestId('event-card').getByText('第 1 版')).toBeVisible();

	// All three are listed, still drafts (other files' seeds may have added competitions of their own).
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	for (const title of ['全县职工纺织技能竞赛', '首届县级工匠评选', '世赛选拔 · 砌筑']) {
		await expect(page.getByTestId('competition-list').locator('li', { hasText: title }).getByTestId('competition-status')).toHaveText('草稿');
	}
});

test('creating shows field errors, and a competition cannot open before it has events', async ({ page }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('网址标识').fill('Electrician 2026');
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#field-title-error')).toHaveText('此项必填');
	await expect(page.locator('#field-slug-error')).toHaveText(/小写字母/);
	await expect(page.locator('#field-eventName-error')).toHaveText('此项必填');

	await form.getByLabel('名称', { exact: true }).fill('维修电工比武');
	await form.getByLabel('网址标识').fill('electrician-2026');
	await form.locator('select[name="template"]').selectOption('');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const created = page.url();

	// The public address is taken now: a second competition cannot have it.
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	await form.getByLabel('名称', { exact: true }).fill('重复的比武');
	await form.getByLabel('网址标识').fill('electrician-2026');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#field-slug-error')).toHaveText('该网址标识已被使用');
	await expect(form.getByLabel('名称', { exact: true })).toHaveValue('重复的比武');

	await page.goto(created);
	await expect(page.getByTestId('lifecycle-blockers')).toContainText('至少添加一个竞赛项目');
	await page.locator('#event-name').fill('维修电工');
	await page.getByRole('button', { name: '添加竞赛项目' }).click();
	await expect(page.getByTestId('event-card')).toContainText('维修电工');
	await expect(page.getByTestId('lifecycle-blockers')).toContainText('每个竞赛项目至少需要一个轮次');
	await page.getByTestId('event-card').getByLabel('轮次名称').fill('决赛');
	await page.getByRole('button', { name: '添加轮次' }).click();
	await expect(page.getByTestId('event-card')).toContainText('未设置');

	// Names and places can be corrected later, with the same field checks as when adding.
	const card = page.getByTestId('event-card');
	await card.getByText('编辑项目').click();
	await card.getByLabel('项目（工种）名称').fill('维修电工（高级）');
	await card.getByLabel('名额上限（可选）').fill('0');
	await card.getByRole('button', { name: '保存' }).click();
	await expect(card.getByRole('alert')).toHaveText('请输入正整数');
	await card.getByLabel('名额上限（可选）').fill('30');
	await card.getByRole('button', { name: '保存' }).click();
	await expect(card.locator('h3')).toHaveText('维修电工（高级）');
	await expect(card).toContainText('个人 · 30');
	await card.locator('li').getByText('修改').click();
	await card.locator('li').getByLabel('轮次名称').fill('总决赛');
	await card.locator('li').getByRole('button', { name: '保存' }).click();
	await expect(card.locator('li').first()).toContainText('1. 总决赛');

	await page.getByRole('button', { name: '进入下一阶段：报名中' }).click();
	await page.getByRole('button', { name: '确认进入报名中' }).click();
	await expect(page.getByTestId('competition-status')).toHaveText('报名中');
});

test('a craftsman award is offered only award templates and calls its events 评选类别; hints stay beside errors', async ({ page }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	const templates = form.locator('select[name="template"] option');
	await expect(templates).toHaveText(['不使用模板', /职工技能竞赛/, /世赛/]);
	await expect(form.getByLabel('第一个竞赛项目（工种）名称')).toBeVisible();
	await form.locator('select[name="kind"]').selectOption('craftsman_award');
	await expect(templates).toHaveText(['不使用模板', /工匠评选/]);
	await expect(form.getByLabel('第一个评选类别名称')).toBeVisible();
	// The competition's address has an example of its own, still shown beside an error.
	await form.getByLabel('网址标识').fill('Bad Slug');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#field-slug-error')).toHaveText(/小写字母/);
	await expect(page.locator('#field-slug-hint')).toHaveText('小写字母、数字和连字符，例如 2026-county-cnc');
	await expect(form.getByLabel('网址标识')).toHaveAttribute('aria-describedby', 'field-slug-error field-slug-hint');

	await form.getByLabel('名称', { exact: true }).fill('县级工匠评选');
	await form.getByLabel('网址标识').fill('county-craftsman-2026');
	await form.locator('select[name="template"]').selectOption('craftsman_award');
	await form.getByLabel('第一个评选类别名称').fill('县级工匠');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await expect(page.locator('#event-name')).toHaveAccessibleName('评选类别名称');
	await expect(page.getByLabel('项目（工种）名称')).toHaveCount(0);
});

test('on a phone every tab of the organisation is on screen, and locked fields look locked', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	for (const tab of await page.getByRole('navigation', { name: /主导航|Main/ }).getByRole('link').all()) {
		const box = await tab.boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 390, `${await tab.textContent()} is on screen`).toBe(true);
	}
	await page.locator('select[name="kind"]').selectOption('craftsman_award');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill('已结束的评选');
	await form.getByLabel('网址标识').fill('closed-award-2026');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await seedCompetitionStatus(competitionIdOf(page.url()), 'final');
	await page.reload();
	const title = page.locator('#field-title');
	await expect(title).toBeDisabled();
	const look = (selector: string) => page.locator(selector).evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).borderStyle]);
	expect(await look('#field-title')).not.toEqual(['rgb(255, 255, 255)', 'solid']);
	expect(await look('#field-title')).toEqual(await look('#field-venue'));
});
