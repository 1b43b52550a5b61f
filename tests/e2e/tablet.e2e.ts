import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedJudgeEntries, seedTabletJudge, sheetRecords } from './seed';

// Issue 15's reliability test on a real tablet browser: a judge goes offline for five minutes of wall
// time, changes 100 scores across 20 entries spread over them, reloads the page with no network (the
// service worker serves it; the drafts are still in IndexedDB), reconnects — and every final value lands
// in the database exactly once.

/** How long the Wi-Fi is down, and the pace of the judge's work while it is (one entry every 14 s). */
const OFFLINE_MS = 5 * 60_000;
const ENTRY_EVERY_MS = 14_000;

const PEOPLE = Array.from({ length: 20 }, (_, index) => ({ name: `平板选手${index + 1}`, unit: `平板单位${index + 1}`, phone: `1390000${String(index + 100).padStart(4, '0')}` }));
const CRITERIA = ['process', 'precision', 'surface', 'completeness', 'safety'] as const;

/** The final value (hundredths) of each criterion for entry n (0-based); all within the skills-contest maxima. */
const finalScores = (index: number): Record<(typeof CRITERIA)[number], number> => ({
	process: 1000 + index * 25,
	precision: 2000 + index * 50,
	surface: 1550,
	completeness: 1200 + index,
	safety: 810
});
const typed = (hundredths: number) => (hundredths / 100).toFixed(2);

async function scoreEntry(page: Page, index: number) {
	await page.getByTestId('open-entry').nth(index).click();
	const sheet = page.getByTestId('score-sheet');
	await expect(sheet).toBeVisible();
	const scores = finalScores(index);
	for (const key of CRITERIA) {
		const input = sheet.locator(`[data-criterion="practical-${key}"]`).getByTestId('score-input');
		await input.fill(typed(scores[key]));
		await input.press('Enter');
		await expect(input).toHaveValue(typed(scores[key]));
	}
	await sheet.getByRole('button', { name: /返回队列/ }).click();
}

test('a judge offline for 5 minutes changes 100 scores over 20 entries, reloads with no network, reconnects: every value lands once', async ({ page, browser }) => {
	test.setTimeout(OFFLINE_MS + 420_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('skills_contest');
	await create.getByLabel('名称', { exact: true }).fill('平板离线评分演练');
	await create.getByLabel('网址标识').fill('tablet-offline-2026');
	await create.locator('select[name="template"]').selectOption('skills_contest');
	await create.locator('input[name="eventName"]').fill('钳工');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	const { roundId } = await seedJudgeEntries(competitionId, PEOPLE);
	const { judgeId, token } = await seedTabletJudge(competitionId, roundId, '王平板');

	const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
	await tablet.addCookies([{ name: 'jiangxin_session', value: token, url: new URL(page.url()).origin, httpOnly: true, sameSite: 'Lax' }]);
	const judge = await tablet.newPage();
	await judge.goto('/judge');
	await judge.getByRole('link', { name: '查看本轮' }).click();
	await expect(judge.getByTestId('connection')).toHaveText(/在线/);
	const entries = judge.getByTestId('judge-entry');
	await expect(entries).toHaveCount(20);
	await expect(judge.getByTestId('entry-status').first()).toHaveText('未开始');
	// Blind: numbers only.
	const queue = await judge.locator('main').innerText();
	for (const person of PEOPLE.slice(0, 3)) expect(queue).not.toContain(person.name);
	// The judge is told when the tablet is ready to lose the Wi-Fi: the offline worker controls the page
	// and holds a copy of it. (Checked in the page too; `expect.poll` awaits the async check, which
	// `waitForFunction` does not: an async predicate's promise counts as true at once.)
	await expect(judge.getByTestId('offline-readiness')).toHaveText('可离线使用', { timeout: 30_000 });
	await expect
		.poll(() =>
			judge.evaluate(async () => {
				if (!navigator.serviceWorker.controller) return false;
				for (const name of await caches.keys()) if (name.startsWith('jiangxin-judge-pages-') && (await (await caches.open(name)).match(location.href))) return true;
				return false;
			})
		)
		.toBe(true);

	// The sheet, for the record, at both tablet orientations.
	await judge.getByTestId('open-entry').first().click();
	await expect(judge.getByTestId('running-score')).toHaveText('0.00');
	await judge.locator('[data-criterion="practical-process"]').getByTestId('step-up').click();
	await expect(judge.locator('[data-criterion="practical-process"]').getByTestId('score-input')).toHaveValue('1.00');
	await judge.locator('[data-deduction="defect"]').getByRole('button', { name: /记一次/ }).click();
	await expect(judge.locator('[data-deduction="defect"]').getByTestId('deduction-count')).toHaveText('已记 1 次');
	await judge.locator('[data-deduction="defect"]').getByRole('button', { name: /撤销一次/ }).click();
	await expect(judge.locator('[data-deduction="defect"]').getByTestId('deduction-count')).toHaveText('已记 0 次');
	await expect(judge.getByTestId('running-score')).toHaveText('1.00');
	await judge.screenshot({ path: 'test-results/tablet-sheet-1024x768.png', fullPage: true });
	await judge.setViewportSize({ width: 768, height: 1024 });
	await judge.screenshot({ path: 'test-results/tablet-sheet-768x1024.png', fullPage: true });
	expect(await judge.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await judge.getByRole('button', { name: /返回队列/ }).first().click();
	await expect(judge.getByTestId('pending-count')).toHaveText('已全部同步');
	// The three taps reach the server as one to three operations: a save still queued when the judge taps
	// again is replaced by the newer one (the outbox sends each sheet's latest state).
	const sentOnline = (await sheetRecords(roundId, judgeId)).operations.length;
	expect(sentOnline).toBeGreaterThanOrEqual(1);
	expect(sentOnline).toBeLessThanOrEqual(3);

	// The Wi-Fi drops for five minutes. Ten entries scored, a reload with no network, ten more, at a
	// judge's pace: entry n no earlier than n × 14 s into the outage.
	await tablet.setOffline(true);
	const wentOffline = Date.now();
	const notBefore = async (ms: number) => {
		const left = wentOffline + ms - Date.now();
		if (left > 0) await judge.waitForTimeout(left);
	};
	await expect(judge.getByTestId('connection')).toHaveText(/离线/, { timeout: 60_000 });
	for (let index = 0; index < 10; index++) {
		await notBefore(index * ENTRY_EVERY_MS);
		await scoreEntry(judge, index);
	}
	await expect(judge.getByTestId('pending-count')).toHaveText('50 条待同步');
	await judge.reload();
	await expect(judge.getByTestId('judge-entry')).toHaveCount(20);
	await expect(judge.getByTestId('offline-readiness')).toHaveText('可离线使用');
	// The judge's home opens with no network too, and leads back to the round.
	await judge.goto('/judge');
	await expect(judge.getByTestId('judge-rounds')).toContainText('钳工');
	await expect(judge.getByTestId('pending-count')).toHaveText('50 条待同步');
	await judge.getByRole('link', { name: '查看本轮' }).click();
	await expect(judge.getByTestId('judge-entry')).toHaveCount(20);
	await expect(judge.getByTestId('pending-count')).toHaveText('50 条待同步');
	await expect(judge.getByTestId('entry-status').nth(9)).toHaveText('本机草稿');
	await expect(judge.getByTestId('entry-status').nth(10)).toHaveText('未开始');
	for (let index = 10; index < 20; index++) {
		await notBefore(index * ENTRY_EVERY_MS);
		await scoreEntry(judge, index);
	}
	await expect(judge.getByTestId('pending-count')).toHaveText('100 条待同步');
	// Nothing reached the server while offline (what the taps made online sent is all it holds).
	expect((await sheetRecords(roundId, judgeId)).operations).toHaveLength(sentOnline);
	await notBefore(OFFLINE_MS);
	expect(Date.now() - wentOffline).toBeGreaterThanOrEqual(OFFLINE_MS);
	await expect(judge.getByTestId('connection')).toHaveText(/离线/);

	await tablet.setOffline(false);
	await expect(judge.getByTestId('pending-count')).toHaveText('已全部同步', { timeout: 60_000 });
	await expect(judge.getByTestId('connection')).toHaveText(/在线/);

	const { sheets, operations, audit } = await sheetRecords(roundId, judgeId);
	expect(sheets).toHaveLength(20);
	// Every sheet holds its final values; each change the server applied has one operation row and one audit row.
	const byScores = new Set(sheets.map((sheet) => JSON.stringify(CRITERIA.map((key) => sheet.scores[key]))));
	for (let index = 0; index < 20; index++) expect(byScores.has(JSON.stringify(CRITERIA.map((key) => finalScores(index)[key])))).toBe(true);
	expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length);
	expect(audit.map((row) => row.operationId).sort()).toEqual(operations.map((operation) => operation.id).sort());
	// Coalesced: one operation per sheet for the offline changes (plus what the taps made online sent).
	expect(operations).toHaveLength(20 + sentOnline);
	for (const sheet of sheets) expect(sheet.status).toBe('draft');

	// Submitted with confirmation: received.
	await judge.getByTestId('open-entry').first().click();
	await judge.getByTestId('submit-sheet').click();
	await judge.getByTestId('confirm-submit').click();
	await expect(judge.getByTestId('entry-status').first()).toHaveText('已收到');
	await tablet.close();
});
