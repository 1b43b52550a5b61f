import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { cellStates, criterionOf, fillSheet, openRound, prepareJudgingDay, printSignInCodes, sheetLayout, signInOnTablet, submitSheet, typeScore, type Scores } from './judging-steps';

// Issue 15's contest day, end to end: two judges and a head judge sign in on three tablets with the
// codes from their printed cards, score a five-entry blind round (steppers, keypad, deduction taps with
// an undo), the head judge watches the matrix fill in live, returns one sheet with a reason, the judge
// corrects it, the head judge signs off and sees the provisional results; the hall's board follows.

const SLUG = 'judging-day-2026';
const PEOPLE = Array.from({ length: 5 }, (_, index) => ({ name: `比武选手${index + 1}号`, unit: `比武单位${index + 1}`, phone: `1390000${String(index + 300).padStart(4, '0')}` }));
const JIA = '甲评委';
const YI = '乙评委';
const HEAD = '丙裁判长';

// What each judge gives entry n (1..5), in hundredths; each sheet's R_j is the plain sum (weights = maxima, Σ max = 100 points).
const jia = (n: number): Scores => ({ process: 1500 + 10 * (n - 1), precision: 2800, surface: 1600, completeness: 1200, safety: 800 }); // R = 7900 + 10(n−1)
const yi = (n: number): Scores => ({ process: 1600, precision: 2900 - 20 * (n - 1), surface: 1500, completeness: 1300, safety: 900 }); // R = 8200 − 20(n−1)
const head = (n: number): Scores => ({ process: 1400, precision: 3000, surface: 1700, completeness: 1100, safety: 850 + 2 * (n - 1) }); // R = 8050 + 2(n−1)
// 乙's first try at No. 3 has the precision mistyped; the head judge returns it.
const YI_MISTYPED_PRECISION = 2000;

// By hand, from the scheme: practical = trimmed mean of the three R_j (fewer than 5 judges: the plain
// mean), rounded half-up; total = 20 % theory (not entered: 0, flagged) + 80 % practical, rounded half-up.
//   No.1: (7900 + 8200 + 8050) / 3 = 24150 / 3 = 8050.00        total 0.8 × 80.50 = 64.40
//   No.2: (7910 + 8180 + 8052) / 3 = 24142 / 3 = 8047.33 → 80.47 total 64.376 → 64.38
//   No.3: (7920 + 8160 + 8054) / 3 = 24134 / 3 = 8044.67 → 80.45 total 64.36
//   No.4: (7930 + 8140 + 8056) / 3 = 24126 / 3 = 8042.00        total 64.336 → 64.34
//   No.5: (7940 + 8120 + 8058) / 3 = 24118 / 3 = 8039.33 → 80.39 total 64.312 → 64.31
const EXPECTED = [
	{ number: 1, practical: '80.50', total: '64.40' },
	{ number: 2, practical: '80.47', total: '64.38' },
	{ number: 3, practical: '80.45', total: '64.36' },
	{ number: 4, practical: '80.42', total: '64.34' },
	{ number: 5, practical: '80.39', total: '64.31' }
];

async function scoreAll(judge: Page, scores: (n: number) => Scores, skip: number[] = []) {
	for (let n = 1; n <= 5; n++) {
		if (skip.includes(n)) continue;
		await fillSheet(judge, n, scores(n));
		await submitSheet(judge, n);
	}
}

test('a contest day on tablets: three judges score, one sheet is returned and corrected, the head judge signs off, the board follows', async ({ page, browser }) => {
	test.setTimeout(480_000);
	await signIn(page);
	const baseURL = new URL(page.url()).origin;
	const day = await prepareJudgingDay(page, '全市职工钳工比武决赛', SLUG, PEOPLE, [
		{ name: JIA, role: 'judge' },
		{ name: YI, role: 'judge' },
		{ name: HEAD, role: 'head' }
	]);
	const codes = await printSignInCodes(page, day.competitionUrl);

	// The hall's big screen, nobody signed in.
	const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL });
	const board = await hall.newPage();
	await board.goto(`/live/${SLUG}`);
	await expect(board.getByTestId('board-connection')).toHaveAttribute('data-state', 'live');
	await expect(board.getByTestId('board-round')).toContainText('0/5 位选手评分完成');

	// Three tablets, each signed in with the code typed from its card.
	const a = await signInOnTablet(browser, baseURL, codes[JIA]!, { width: 768, height: 1024 });
	const b = await signInOnTablet(browser, baseURL, codes[YI]!);
	const h = await signInOnTablet(browser, baseURL, codes[HEAD]!);
	// The head judge's matrix, beside their own sheets, in a second window of the same tablet.
	await h.judge.getByTestId('judge-matrix-link').click();
	const matrix = h.judge;
	await expect(matrix.getByTestId('matrix-live')).toBeVisible();
	await expect(matrix.getByTestId('matrix-progress')).toHaveText('已收到 0 / 15 份评分表');
	const headSheets = await h.tablet.newPage();
	await headSheets.goto('/judge');
	await openRound(headSheets, 5);
	await openRound(a.judge, 5);
	await openRound(b.judge, 5);
	const queue = await a.judge.locator('main').innerText();
	for (const person of PEOPLE) for (const secret of [person.name, person.unit]) expect(queue).not.toContain(secret);

	// 甲 scores No. 1 with the steppers and the keypad, taps a defect twice and takes one back.
	await a.judge.getByTestId('open-entry').first().click();
	await typeScore(a.judge, 'process', 1400);
	await criterionOf(a.judge, 'process').getByTestId('step-up').click();
	await expect(criterionOf(a.judge, 'process').getByTestId('score-input')).toHaveValue('15.00');
	await typeScore(a.judge, 'precision', 2900);
	await criterionOf(a.judge, 'precision').getByTestId('step-down').click();
	await expect(criterionOf(a.judge, 'precision').getByTestId('score-input')).toHaveValue('28.00');
	for (const key of ['surface', 'completeness', 'safety'] as const) await typeScore(a.judge, key, jia(1)[key]);
	const defect = a.judge.locator('[data-deduction="defect"]');
	await defect.getByRole('button', { name: /记一次/ }).click();
	await defect.getByRole('button', { name: /记一次/ }).click();
	await expect(defect.getByTestId('deduction-count')).toHaveText('已记 2 次');
	await defect.getByRole('button', { name: /撤销一次/ }).click();
	await expect(defect.getByTestId('deduction-count')).toHaveText('已记 1 次');
	await expect(a.judge.getByTestId('running-score')).toHaveText('79.00');
	// The sheet, for the record, in both tablet orientations: one column standing, two lying down (the
	// width used, less scrolling), targets a finger can hit, nothing scrolling sideways.
	await a.judge.screenshot({ path: 'tests/e2e/screenshots/judging-day-sheet-768x1024.png', fullPage: true });
	expect(await layoutProblems(a.judge)).toEqual([]);
	const portrait = await sheetLayout(a.judge);
	expect(portrait.columns).toBe(1);
	expect(portrait.smallestTarget).toBeGreaterThanOrEqual(44);
	await a.judge.setViewportSize({ width: 1024, height: 768 });
	await a.judge.screenshot({ path: 'tests/e2e/screenshots/judging-day-sheet-1024x768.png', fullPage: true });
	expect(await layoutProblems(a.judge)).toEqual([]);
	const landscape = await sheetLayout(a.judge);
	expect(landscape.columns).toBe(2);
	expect(landscape.smallestTarget).toBeGreaterThanOrEqual(44);
	await submitSheet(a.judge, 1);

	// The matrix fills in as the sheet arrives, without a reload.
	await expect(cellStates(matrix, 1, 'submitted')).toHaveCount(1);
	await expect(matrix.getByTestId('matrix-progress')).toHaveText('已收到 1 / 15 份评分表');
	await expect(matrix.locator('[data-testid="matrix-row"][data-number="1"]')).toContainText(`${JIA} · 工件缺陷（每处） × 1`);

	await scoreAll(a.judge, jia, [1]);
	await scoreAll(b.judge, (n) => (n === 3 ? { ...yi(3), precision: YI_MISTYPED_PRECISION } : yi(n)));
	await scoreAll(headSheets, head);
	await expect(matrix.getByTestId('matrix-progress')).toHaveText('已收到 15 / 15 份评分表');
	await expect(board.getByTestId('board-round')).toContainText('5/5 位选手评分完成');
	// 乙's No. 3 as received: R = 16 + 20 + 15 + 13 + 9 = 73.00.
	await expect(cellStates(matrix, 3, 'submitted').filter({ hasText: '73.00' })).toHaveCount(1);

	// The head judge returns 乙's No. 3 with a reason.
	const control = matrix.getByTestId('sheet-form');
	await control.getByLabel('参赛者').selectOption({ label: '3 号' });
	await control.getByLabel('裁判', { exact: true }).selectOption({ label: YI });
	await control.getByLabel('理由').fill('尺寸精度分数与记录表不符，请核对');
	await control.getByRole('button', { name: '退回给裁判' }).click();
	await expect(matrix.getByTestId('control-message')).toContainText('评分表已退回给裁判');
	await expect(cellStates(matrix, 3, 'returned')).toHaveCount(1);
	await expect(matrix.getByTestId('matrix-progress')).toHaveText('已收到 14 / 15 份评分表');
	// The board no longer counts No. 3 complete, with no reload.
	await expect(board.getByTestId('board-round')).toContainText('4/5 位选手评分完成');
	await expect(board.locator('[data-number="3"]')).toContainText('已收 2/3');

	// Signing off now is refused, naming what is missing.
	await matrix.getByTestId('sign-off-form').getByRole('button', { name: '裁判长签字' }).click();
	await expect(matrix.getByTestId('control-message')).toContainText(`3 号：${YI}`);

	// 乙's tablet shows the return and its reason; 乙 corrects and resubmits.
	await expect(b.judge.getByTestId('entry-status').nth(2)).toHaveText('已退回');
	await b.judge.getByTestId('open-entry').nth(2).click();
	await expect(b.judge.getByTestId('returned-banner')).toHaveText('裁判长已退回本表：尺寸精度分数与记录表不符，请核对');
	await typeScore(b.judge, 'precision', yi(3).precision);
	await expect(b.judge.getByTestId('running-score')).toHaveText('81.60');
	await submitSheet(b.judge, 3);
	await expect(matrix.getByTestId('matrix-progress')).toHaveText('已收到 15 / 15 份评分表');
	await expect(board.getByTestId('board-round')).toContainText('5/5 位选手评分完成');
	await expect(board.locator('[data-number="3"]')).toContainText('已收 3/3');

	// The matrix, for the record, at a desk's size.
	await matrix.setViewportSize({ width: 1440, height: 900 });
	await matrix.screenshot({ path: 'tests/e2e/screenshots/judging-day-matrix-1440x900.png', fullPage: true });
	expect(await layoutProblems(matrix)).toEqual([]);

	// Sign-off: every sheet locked, the provisional results computed from what was entered.
	await matrix.getByTestId('sign-off-form').getByRole('button', { name: '裁判长签字' }).click();
	await expect(matrix.getByTestId('control-message')).toContainText('已签字，本轮成绩已锁定');
	await expect(matrix.getByTestId('sign-off-state')).toContainText(`${HEAD} 已于`);
	const rows = matrix.getByTestId('provisional-row');
	await expect(rows).toHaveCount(5);
	for (const [index, expected] of EXPECTED.entries()) {
		const row = rows.nth(index);
		await expect(row.locator('td').first()).toHaveText(String(index + 1));
		await expect(row.locator('td').nth(1)).toHaveText(`${expected.number} 号`);
		await expect(row).toContainText(expected.practical);
		await expect(row.getByTestId('provisional-total')).toHaveText(expected.total);
		await expect(row).toContainText('缺少 理论考试 成绩');
	}
	await expect(matrix.getByTestId('provisional-results')).toBeVisible();

	// The tablets see their sheets locked; the board never reloaded.
	await expect(a.judge.getByTestId('entry-status').first()).toHaveText('已锁定');
	expect(await board.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	await board.screenshot({ path: 'tests/e2e/screenshots/judging-day-board-1920x1080.png' });
	expect(await layoutProblems(board)).toEqual([]);
	const shown = await board.locator('body').innerText();
	for (const person of PEOPLE) for (const secret of [person.name, person.unit, person.phone]) expect(shown).not.toContain(secret);

	for (const context of [a.tablet, b.tablet, h.tablet, hall]) await context.close();
});
