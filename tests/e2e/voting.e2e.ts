import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures';
import { ensureVoteRound, VOTE_CANDIDATES } from './vote-seed';

// A voter on a phone opens the vote from a WeChat share, the browser solves the proof of work, the vote
// is counted and the live count moves; a second vote for the same candidate is refused with when the
// next vote opens. The page is looked at on phone, tablet and desktop in both languages.

const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'tablet', width: 820, height: 1180 },
	{ name: 'desktop', width: 1280, height: 900 }
];

let publicPath = '';
let policyPath = '';

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	const page = await browser.newPage({ locale: 'zh-CN' });
	await signIn(page);
	({ publicPath, policyPath } = await ensureVoteRound(page));
	await page.close();
});

function candidate(page: Page, name: string) {
	return page.getByTestId('candidate').filter({ hasText: name });
}

async function votesOf(page: Page, name: string): Promise<number> {
	return Number(/\d+/.exec((await candidate(page, name).getByTestId('candidate-votes').textContent()) ?? '')![0]);
}

test('a voter on a phone solves the proof, votes, is told "already voted today", and the live count moves', async ({ browser }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50' });
	const page = await context.newPage();
	const challenges: string[] = [];
	page.on('request', (request) => {
		if (/\/vote\/[0-9a-f-]{36}\/challenge$/.test(new URL(request.url()).pathname)) challenges.push(request.url());
	});
	await page.goto(publicPath);
	// WeChat reads the share card from these.
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', '请为身边的最美工匠投上一票');
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/vote-share\.png$/);
	// Numbers and names, never a phone.
	await expect(page.getByTestId('candidate')).toHaveCount(VOTE_CANDIDATES.length);
	expect(await page.locator('main').textContent()).not.toContain(VOTE_CANDIDATES[0]!.phone);
	const name = VOTE_CANDIDATES[0]!.name;
	const before = await votesOf(page, name);
	const button = candidate(page, name).getByRole('button', { name: '投票' });
	await expect(button).toBeEnabled({ timeout: 30_000 });
	// One challenge per page: the proof is started once (two starts race, and the first fails).
	expect(challenges).toHaveLength(1);
	await button.click();
	await expect(page.getByTestId('vote-outcome')).toHaveText('投票成功，已计入。谢谢您的支持！');
	await expect(candidate(page, name).getByTestId('candidate-votes')).toHaveText(`${before + 1}票`);
	await page.screenshot({ path: 'test-results/voting-counted-phone.png', fullPage: true });
	// A fresh proof is solved for the next vote; the same candidate again today is refused, with when to come back.
	await expect(button).toBeEnabled({ timeout: 30_000 });
	await button.click();
	await expect(page.getByTestId('vote-outcome')).toHaveText(/^您今天已经给这位候选人投过票了，\d{4}-\d{2}-\d{2} 00:00可以再投。$/);
	await expect(candidate(page, name).getByTestId('candidate-votes')).toHaveText(`${before + 1}票`);
	await page.screenshot({ path: 'test-results/voting-already-voted-phone.png', fullPage: true });
	// Search narrows the list.
	await page.getByRole('searchbox', { name: '搜索候选人' }).fill(VOTE_CANDIDATES[1]!.name);
	await expect(page.getByTestId('candidate').filter({ visible: true })).toHaveCount(1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await context.close();
});

test('the organiser sets the policy through the form', async ({ page }) => {
	await signIn(page);
	await page.goto(policyPath);
	await page.locator('select[name="countsShown"]').selectOption('daily');
	await page.locator('input[name="dailyPublishTime"]').fill('');
	await page.getByRole('button', { name: '保存投票设置' }).click();
	await expect(page.getByText('选择每天定时公开时，请填写公开时间（如 20:00）。')).toBeVisible();
	await page.locator('select[name="countsShown"]').selectOption('live');
	await page.getByRole('button', { name: '保存投票设置' }).click();
	await expect(page.getByText('投票设置已保存。')).toBeVisible();
	await expect(page.getByTestId('public-vote-link')).toHaveAttribute('href', publicPath);
});

for (const locale of ['zh-CN', 'en'])
	for (const size of SIZES)
		test(`the voting page at ${size.name} size in ${locale}`, async ({ browser }) => {
			const context = await browser.newContext({ locale, viewport: { width: size.width, height: size.height } });
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1').origin }]);
			const page = await context.newPage();
			await page.goto(publicPath);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(locale === 'en' ? 'public vote' : '网络投票');
			await expect(page.getByTestId('vote-proof')).not.toBeEmpty();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
			await page.screenshot({ path: `test-results/voting-${size.name}-${locale}.png`, fullPage: true });
			await context.close();
		});
