import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { ensureNoticeRound, NOTICE_PEOPLE } from './notice-seed';

// Results on public notice (公示) on a phone: the ranked list with names (revealed) and never a phone,
// an explanation anyone can recompute, and an objection lodged after a wrong contact is pointed out at its field.

const PHONE = { width: 390, height: 844 };
let paths: Awaited<ReturnType<typeof ensureNoticeRound>>;

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	const page = await browser.newPage({ locale: 'zh-CN' });
	await signIn(page);
	paths = await ensureNoticeRound(page);
	await page.close();
});

async function fitsThePhone(page: import('@playwright/test').Page): Promise<void> {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, 'no sideways scroll at 390 px').toBeLessThanOrEqual(PHONE.width);
}

test('the public results page on a phone: ranks, names, totals and tiers, no phones; an explanation recomputes the total', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE });
	const page = await context.newPage();
	await page.goto(paths.resultsPath);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('成绩公示');
	await expect(page.getByTestId('notice-window')).toContainText('公示期');
	const placings = page.getByTestId('placing');
	await expect(placings).toHaveCount(NOTICE_PEOPLE.length);
	await expect(placings.first()).toContainText(NOTICE_PEOPLE[0]!.name);
	await expect(placings.first()).toContainText('第1名');
	const main = (await page.locator('main').textContent()) ?? '';
	for (const person of NOTICE_PEOPLE) expect(main).not.toContain(person.phone);
	await fitsThePhone(page);
	await page.screenshot({ path: 'test-results/notice-results-phone.png', fullPage: true });

	const total = (await placings.first().getByTestId('placing-total').textContent())!.replace(/[^\d.]/g, '');
	await placings.first().getByTestId('explain-link').click();
	await expect(page).toHaveURL(paths.explanationPath);
	await expect(page.getByTestId('judge-score')).toHaveCount(5);
	await expect(page.locator('[data-testid="judge-score"][data-status^="dropped"]')).toHaveCount(2);
	await expect(page.getByTestId('explained-total')).toContainText(total);
	await fitsThePhone(page);
	await page.screenshot({ path: 'test-results/notice-explanation-phone.png', fullPage: true });
	await context.close();
});

test('an objection with a wrong contact is refused at the field, then lodged', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE });
	const page = await context.newPage();
	await page.goto(paths.resultsPath);
	const form = page.getByTestId('objection-form');
	await form.getByLabel('姓名').fill('钱多多');
	await form.getByLabel('联系方式').fill('12345');
	await form.getByLabel('异议内容').fill('第2号选手的扣分次数与现场记录不符。');
	await form.getByRole('button', { name: '提交异议' }).click();
	const contact = page.getByTestId('objection-form').getByLabel('联系方式');
	await expect(contact).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('contact-help')).toHaveText('请填写11位手机号或有效的电子邮箱');
	// What was typed is still there.
	await expect(page.getByTestId('objection-form').getByLabel('异议内容')).toHaveValue('第2号选手的扣分次数与现场记录不符。');
	await fitsThePhone(page);
	await contact.fill('13800138000');
	await page.getByTestId('objection-form').getByRole('button', { name: '提交异议' }).click();
	await expect(page.getByTestId('objection-lodged')).toBeVisible();
	await context.close();
});
