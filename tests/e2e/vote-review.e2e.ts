import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { competitionIdOf, seedJudgeEntries } from './seed';
import { seedVotes } from './seed-votes';

const PEOPLE = Array.from({ length: 12 }, (_, index) => ({ name: `投票候选人${index + 1}`, unit: `候选单位${index + 1}`, phone: `139000022${String(index).padStart(2, '0')}` }));
const SLUG = 'vote-review-2026';
const RIGGED = 400;

test('an organiser sees the flagged burst on the chart and voids it with a reason', async ({ page }) => {
	test.setTimeout(180_000);
	// The chart (ECharts on a canvas) must work under the pages' CSP: no violation reported while it draws.
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await signIn(page);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-CN', url: new URL(page.url()).origin }]);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('skills_contest');
	await create.getByLabel('名称', { exact: true }).fill('县级最美工匠评选');
	await create.getByLabel('网址标识').fill(SLUG);
	await create.locator('select[name="template"]').selectOption('skills_contest');
	await create.locator('input[name="eventName"]').fill('工匠');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	const { roundId, entryIds } = await seedJudgeEntries(competitionId, PEOPLE);
	await seedVotes(roundId, entryIds, { entryIndex: 2, votes: RIGGED });
	const review = `/orgs/${OWNER.organisationSlug}/competitions/${competitionId}/rounds/${roundId}/vote-review`;

	await page.goto(review);
	await expect(page.getByRole('heading', { name: '投票审核', level: 1 })).toBeVisible();
	await expect(page.getByTestId('no-clusters')).toBeVisible();
	await page.getByRole('button', { name: '立即运行检测' }).click();
	await expect(page.getByText(`检测完成：新标记 ${RIGGED} 票。`)).toBeVisible();
	const cluster = page.getByTestId('cluster');
	await expect(cluster).toHaveCount(1);
	await expect(cluster).toContainText(`3号 投票候选人3：${RIGGED}票来自同一网段`);
	await expect(cluster).toContainText('同一网段集中投票');
	const chart = page.getByTestId('vote-timeline');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	await expect(chart).toHaveAttribute('data-flagged', String(RIGGED));
	await expect(chart.locator('canvas')).toBeVisible();
	const third = page.locator('[data-testid="tally"][data-number="3"]');
	await expect(third.getByTestId('flagged')).toHaveText(String(RIGGED));
	const acceptedBefore = await third.getByTestId('accepted').innerText();

	for (const [name, width, height] of [['phone', 390, 844], ['tablet', 820, 1180], ['desktop', 1280, 900]] as const) {
		await page.setViewportSize({ width, height });
		await expect(chart).toHaveAttribute('data-ready', 'true');
		expect(await layoutProblems(page), name).toEqual([]);
		await page.screenshot({ path: `tests/e2e/screenshots/vote-review-${name}-zh.png`, fullPage: true });
	}

	// With the chart drawn and a cluster's form open (the sweeps see the page without votes): no serious or critical axe findings.
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

	// Nothing chosen: the error is at the field, the words typed are kept.
	await page.setViewportSize({ width: 390, height: 844 });
	await cluster.getByLabel('说明（写入审计记录）').fill('同一网段半小时内等间隔投票');
	await cluster.getByRole('button', { name: '作废这些投票' }).click();
	await expect(cluster.getByText('请选择作废原因类别。')).toBeVisible();
	await expect(cluster.getByLabel('说明（写入审计记录）')).toHaveValue('同一网段半小时内等间隔投票');

	await cluster.getByLabel('作废原因类别').selectOption('bought_votes');
	await cluster.getByRole('button', { name: '作废这些投票' }).click();
	await expect(page.getByText(`已处理 ${RIGGED} 票。`)).toBeVisible();
	await expect(page.getByTestId('no-clusters')).toBeVisible();
	await expect(third.getByTestId('voided')).toHaveText(String(RIGGED));
	await expect(third.getByTestId('flagged')).toHaveText('0');
	await expect(third.getByTestId('accepted')).toHaveText(acceptedBefore);

	// The English page, phone to desktop.
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto(review);
	await expect(page.getByRole('heading', { name: 'Vote review', level: 1 })).toBeVisible();
	for (const [name, width, height] of [['phone', 390, 844], ['tablet', 820, 1180], ['desktop', 1280, 900]] as const) {
		await page.setViewportSize({ width, height });
		await expect(chart).toHaveAttribute('data-ready', 'true');
		expect(await layoutProblems(page), name).toEqual([]);
		await page.screenshot({ path: `tests/e2e/screenshots/vote-review-${name}-en.png`, fullPage: true });
	}

	// The notice period's export: an xlsx download.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export all votes (xlsx)' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
	expect(violations).toEqual([]);
});
