import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { competitionIdOf, seedJudgeEntries } from './seed';
import { seedBoardRound } from './seed-board';

const PEOPLE = Array.from({ length: 16 }, (_, index) => ({ name: `看板选手${index + 1}号人`, unit: `看板单位${index + 1}`, phone: `139000011${String(index).padStart(2, '0')}` }));
const SLUG = 'live-board-2026';

test('the public board shows progress by number, and standings appear live when the organiser allows them', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('skills_contest');
	await create.getByLabel('名称', { exact: true }).fill('全县职工钳工技能比武');
	await create.getByLabel('网址标识').fill(SLUG);
	await create.locator('select[name="template"]').selectOption('skills_contest');
	await create.locator('input[name="eventName"]').fill('钳工');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	const { roundId, entryIds } = await seedJudgeEntries(competitionId, PEOPLE);
	await seedBoardRound(competitionId, roundId, entryIds, 10);

	// The hall's big screen: nobody signed in.
	const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	const board = await hall.newPage();
	await board.goto(`/live/${SLUG}`);
	await expect(board.getByTestId('board-connection')).toHaveAttribute('data-state', 'live');
	// One socket that stays: joining reloads the page's data, and that must not reconnect (it once looped).
	const sockets: string[] = [];
	board.on('websocket', (socket) => sockets.push(socket.url()));
	await board.waitForLoadState('networkidle');
	await board.waitForTimeout(1_500);
	expect(sockets).toEqual([]);
	await expect(board.getByTestId('board-connection')).toHaveAttribute('data-state', 'live');
	const tiles = board.getByTestId('board-entry');
	await expect(tiles).toHaveCount(16);
	await expect(tiles.first()).toContainText('1号');
	await expect(tiles.first()).toContainText('已收 3/3');
	await expect(board.locator('[data-number="11"]')).toContainText('已收 1/3');
	await expect(board.locator('[data-number="16"]')).toContainText('已收 0/3');
	await expect(board.getByTestId('board-round')).toContainText('10/16 位选手评分完成');
	await expect(board.getByTestId('board-standings')).toHaveCount(0);
	const text = await board.locator('body').innerText();
	for (const person of PEOPLE) for (const secret of [person.name, person.unit, person.phone]) expect(text).not.toContain(secret);
	expect(text).not.toContain('看板裁判');

	// The organiser allows provisional standings: the board shows them without a reload.
	await page.getByTestId('board-settings-link').click();
	await expect(page.getByTestId('board-public-link')).toContainText(`/live/${SLUG}`);
	const form = page.getByTestId('board-standings-form').first();
	await form.getByLabel('在看板上显示暂定排名').check();
	await form.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('已保存。')).toBeVisible();
	const standings = board.getByTestId('board-standings');
	await expect(standings).toBeVisible();
	await expect(standings.locator('tbody tr').first()).toContainText('1号');
	expect(await board.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	await board.screenshot({ path: 'tests/e2e/screenshots/live-board-1920.png' });
	await board.screenshot({ path: 'tests/e2e/screenshots/live-board-1920-full.png', fullPage: true });

	// One event (?event=) and a phone: no sideways scrolling.
	await board.setViewportSize({ width: 390, height: 844 });
	await board.goto(`/live/${SLUG}?event=not-an-event`);
	await expect(tiles).toHaveCount(16);
	expect(await layoutProblems(board)).toEqual([]);
	await board.screenshot({ path: 'tests/e2e/screenshots/live-board-phone.png', fullPage: true });
	await hall.close();
});
