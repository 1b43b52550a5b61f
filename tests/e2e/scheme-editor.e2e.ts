import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';

async function openTemplateScheme(page: Page, input = { kind: 'skills_contest', title: '全市职工钳工技能竞赛', slug: 'scheme-editor-2026', eventName: '钳工' }, round = 0) {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.locator('select[name="kind"]').selectOption(input.kind);
	await form.locator('input[name="title"]').fill(input.title);
	await form.locator('input[name="slug"]').fill(input.slug);
	await form.locator('select[name="template"]').selectOption(input.kind);
	await form.locator('input[name="eventName"]').fill(input.eventName);
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: '评分方案', exact: true }).nth(round).click();
	await expect(page).toHaveURL(/\/rounds\/[0-9a-f-]{36}\/scheme$/);
}

// Each journey creates a competition and edits a long form: on a machine shared by several test runs
// that takes longer than the default 30 s.
test.describe.configure({ timeout: 180_000 });

const weight = (page: Page, index: number) => page.locator(`#f-components-${index}-weight`);

async function expectNoSidewaysScroll(page: Page, size: string) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	if (overflow > 0)
		console.log(
			await page.evaluate(() => {
				const clipped = (el: Element): boolean => {
					for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'hidden', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
					return false;
				};
				return [...document.querySelectorAll('body *')]
					.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !clipped(el))
					.slice(0, 15)
					.map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)} ${el.textContent?.slice(0, 40)}`)
					.join('\n');
			})
		);
	expect(overflow, `the scheme editor scrolls sideways on a ${size}`).toBeLessThanOrEqual(0);
}

test('an organiser adjusts the 20/80 template, sees the total explained, fixes the weights and saves', async ({ page }) => {
	await signIn(page);
	await openTemplateScheme(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('评分方案');

	// The sample contestant: five judges, highest and lowest dropped, one defect, 20/80 weights.
	const explanation = page.getByTestId('scheme-explanation');
	await expect(explanation).toContainText('实际操作：');
	await expect(explanation).toContainText('5 位评委，去掉最高分 92.00（评委 3）和最低分 70.00（评委 4），其余平均 84.33');
	await expect(explanation).toContainText('扣分：工件缺陷（每处） 1 处 × 2 分 = 2.00；得分 82.33 × 80% = 65.86');
	await expect(explanation).toContainText('总分：16.00 + 65.86 = 81.86');
	await expect(page.getByTestId('scheme-preview-total')).toHaveText('81.86');

	// Theory down to 10 %: the weights total 90 %, said at the weights in Chinese.
	await weight(page, 0).fill('10');
	const total = page.getByTestId('weight-total');
	await expect(total).toContainText('权重合计 90%，应正好是 100%（还差 10%）');
	await expect(total).toContainText('各组成部分的权重合计必须正好是 100%');
	await expect(weight(page, 0)).toHaveAttribute('aria-invalid', 'true');
	await expect(weight(page, 0)).toHaveAttribute('aria-describedby', /f-components-error/);
	await expect(page.getByTestId('scheme-issues')).toContainText('各组成部分的权重合计必须正好是 100%');

	// The language switch reloads the page; the unsaved edit survives and the error is in English.
	await page.getByTestId('language-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(weight(page, 0)).toHaveValue('10');
	await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
	await expect(total).toContainText('Weights total 90%; they must total exactly 100% (10% to go).');
	await expect(total).toContainText('Component weights must total exactly 100%');
	await expect(weight(page, 0)).toHaveAttribute('aria-invalid', 'true');

	// Fixed as 30/70; the explanation follows, in English.
	await weight(page, 0).fill('30');
	await weight(page, 1).fill('70');
	await expect(total).toContainText('Weights total 100%: correct.');
	await expect(weight(page, 0)).not.toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('scheme-explanation')).toContainText(
		'Practical: judges\' scores 85.00, 88.00, 92.00, 70.00, 80.00; 5 judges; highest 92.00 (judge 3) and lowest 70.00 (judge 4) dropped; mean of the rest 84.33'
	);
	await expect(page.getByTestId('scheme-explanation')).toContainText('Total: 24.00 + 57.63 = 81.63');

	await page.getByTestId('scheme-save').click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved as version 1.' })).toBeVisible();
	await page.reload();
	await expect(weight(page, 0)).toHaveValue('30');
	await expect(weight(page, 1)).toHaveValue('70');
	await expect(page.getByText('Your unsaved changes were restored.')).toHaveCount(0);
	await expect(page.getByTestId('scheme-history')).toContainText('Version 1');
	await expect(page.getByTestId('scheme-preview-total')).toHaveText('81.63');

	await page.getByTestId('language-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	for (const size of [
		{ name: 'phone', width: 390, height: 844 },
		{ name: 'tablet', width: 768, height: 1024 },
		{ name: 'desktop', width: 1440, height: 900 }
	]) {
		await page.setViewportSize({ width: size.width, height: size.height });
		await page.reload();
		await expect(page.getByTestId('scheme-preview-total')).toHaveText('81.63');
		await expectNoSidewaysScroll(page, size.name);
		await page.screenshot({ path: `tests/e2e/screenshots/scheme-${size.name}.png`, fullPage: true });
	}
});

test('on a phone a failed save is explained beside Save, with the focus on it and a link to each field; broken schemes never reach the server', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const refused: string[] = [];
	page.on('response', (response) => {
		if (response.url().includes('/scoring/evaluate') && response.status() !== 200) refused.push(`${response.status()}`);
	});
	await signIn(page);
	await openTemplateScheme(page, { kind: 'skills_contest', title: '手机保存检查技能竞赛', slug: 'scheme-phone-2026', eventName: '焊工' });
	await expect(page.getByTestId('scheme-preview-total')).toHaveText('81.86');

	// A negative maximum says which rule it breaks, at the field, announced with it.
	const max = page.locator('#f-components-1-criteria-0-max');
	await max.fill('-5');
	await expect(page.locator('#f-components-1-criteria-0-max-error')).toHaveText('满分必须大于 0');
	await expect(max).toHaveAttribute('aria-invalid', 'true');
	await expect(max).toHaveAttribute('aria-describedby', /f-components-1-criteria-0-max-error/);
	// A criterion named only in English is flagged, not shown as “Finish” to Chinese readers.
	const name = page.locator('#f-components-1-criteria-0-label-zh-CN');
	await name.fill('');
	await expect(page.locator('#f-components-1-criteria-0-label-zh-CN-error')).toHaveText('请填写中文名称');
	await weight(page, 0).fill('10');

	const save = page.getByTestId('scheme-save');
	await save.scrollIntoViewIfNeeded();
	await save.click();
	const summary = page.getByTestId('scheme-save-problems');
	await expect(summary).toBeFocused();
	await expect(summary).toBeInViewport();
	await expect(summary).toContainText('方案有 3 处问题');
	await expect(summary).toContainText('满分必须大于 0');
	await expect(summary).toContainText('请填写中文名称');
	await expect(summary).toContainText('各组成部分的权重合计必须正好是 100%');
	await summary.getByRole('link', { name: /满分必须大于 0/ }).click();
	await expect(max).toBeFocused();

	await max.fill('20');
	await name.fill('工艺规范');
	await weight(page, 0).fill('20');
	await expect(page.getByTestId('weight-total')).toHaveText('权重合计 100%，正确。');
	await expect(summary).toHaveCount(0);
	await expect(page.getByTestId('scheme-preview-total')).toHaveText('81.86');
	await save.click();
	await expect(page.getByRole('status').filter({ hasText: '已保存为第 1 版。' })).toBeVisible();
	expect(refused, 'the preview asked the server about a scheme the browser knew was broken').toEqual([]);
});

test('the final round of a craftsman award copies the preliminary round’s scheme, votes included', async ({ page }) => {
	await signIn(page);
	await openTemplateScheme(page, { kind: 'craftsman_award', title: '市级工匠评选（方案复制）', slug: 'scheme-copy-2026', eventName: '市级工匠' }, 1);
	await expect(page.getByTestId('scheme-component')).toHaveCount(1);
	await expect(weight(page, 0)).toHaveValue('100');

	const copy = page.locator('form[action="?/copy"]');
	await expect(copy.locator('select')).toContainText('市级工匠 · 初评（第 1 版）');
	await copy.locator('input[name="reason"]').fill('终评也计入网络投票');
	page.once('dialog', (dialog) => dialog.accept());
	await copy.getByRole('button', { name: '复制方案' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已复制，现为第 1 版。' })).toBeVisible();
	await expect(page.getByTestId('scheme-component')).toHaveCount(2);
	await expect(weight(page, 0)).toHaveValue('90');
	await expect(weight(page, 1)).toHaveValue('10');
	// The preview follows the copied scheme: the sample's 120 votes against the top entry's 200.
	await expect(page.getByTestId('scheme-explanation')).toContainText('网络投票：120 票 ÷ 最高 200 票 × 100 = 60.00；得分 60.00 × 10% = 6.00');
});

test.afterEach(async ({ page }) => {
	// The language choice is stored on the owner's account: put Chinese back for the journeys that follow.
	const origin = test.info().project.use.baseURL!;
	await page.request.post('/language', { form: { locale: 'zh-CN', redirectTo: '/' }, headers: { origin } });
});
