import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { layoutProblems } from './layout-check';
import { competitionIdOf, seedJudgeEntries } from './seed';
import { seedSignedOffRound } from './seed-results';

// Issue 17, results part, on a phone: the organiser opens a signed-off blind round's results, computes
// them (numbers only), reveals the names, publishes them on notice and sees the ranks.

const SLUG = 'results-review-2026';
const PEOPLE = Array.from({ length: 5 }, (_, index) => ({ name: `成绩选手${index + 1}号`, unit: `成绩单位${index + 1}`, phone: `1390000${String(index + 700).padStart(4, '0')}` }));
// Five judges each give the same R_j; theory 20 %, practical 80 %:
//   No.1 90 / 90.00 → 90.00   No.2 80 / 100.00 → 84.00   No.3 95 / 50.00 → 86.00   No.4 70 / 90.00 → 74.00   No.5 85 / 80.00 → 84.00
// No.5 and No.2 tie at 84.00; the higher practical (85 > 80) ranks No.5 first.
const MARKS = [
	{ percents: [90, 90, 90, 90, 90], theory: 9000 },
	{ percents: [80, 80, 80, 80, 80], theory: 10000 },
	{ percents: [95, 95, 95, 95, 95], theory: 5000 },
	{ percents: [70, 70, 70, 70, 70], theory: 9000 },
	{ percents: [85, 85, 85, 85, 85], theory: 8000 }
];
const EXPECTED = [
	{ rank: '1', number: '1 号', total: '90.00', name: PEOPLE[0]!.name },
	{ rank: '2', number: '3 号', total: '86.00', name: PEOPLE[2]!.name },
	{ rank: '3', number: '5 号', total: '84.00', name: PEOPLE[4]!.name },
	{ rank: '4', number: '2 号', total: '84.00', name: PEOPLE[1]!.name },
	{ rank: '5', number: '4 号', total: '74.00', name: PEOPLE[3]!.name }
];

test('an organiser computes a blind round’s results, reveals the names, publishes them and sees the ranks, on a phone', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-CN', url: new URL(page.url()).origin }]);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('skills_contest');
	await create.getByLabel('名称', { exact: true }).fill('全县职工车工比武');
	await create.getByLabel('网址标识').fill(SLUG);
	await create.locator('select[name="template"]').selectOption('skills_contest');
	await create.locator('input[name="eventName"]').fill('车工');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	const { roundId, entryIds } = await seedSignedOffRound_(competitionId);

	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions/${competitionId}/rounds/${roundId}/matrix`);
	await page.getByTestId('results-link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('成绩');
	await expect(page.getByTestId('results-blind')).toBeVisible();

	await page.getByTestId('results-compute').click();
	await expect(page.getByTestId('results-message')).toContainText('成绩已计算并存为新版本');
	const rows = page.getByTestId('results-row');
	await expect(rows).toHaveCount(5);
	await expect(page.getByTestId('results-number')).toHaveText(EXPECTED.map((row) => row.number));
	await expect(page.getByTestId('results-total')).toHaveText(EXPECTED.map((row) => row.total));
	// Blind: numbers only, no names anywhere on the page.
	await expect(page.getByTestId('results-name')).toHaveCount(0);
	await expect(page.getByText(PEOPLE[0]!.name)).toHaveCount(0);

	await page.getByTestId('results-verify').first().click();
	await expect(page.getByTestId('results-verification')).toContainText('没有差异');

	await page.getByTestId('results-reveal').click();
	await expect(page.getByTestId('results-message')).toContainText('已解密姓名');
	await expect(page.getByTestId('results-name')).toHaveCount(5);

	await page.getByTestId('results-publish').click();
	await expect(page.getByTestId('results-message')).toContainText('成绩已公示');
	await expect(page.getByTestId('results-state')).toContainText('公示期');
	await expect(page.getByTestId('results-version')).toContainText('已公示');

	for (const [index, expected] of EXPECTED.entries()) {
		const row = rows.nth(index);
		await expect(row.getByTestId('results-rank')).toHaveText(expected.rank);
		await expect(row.getByTestId('results-name')).toContainText(expected.name);
	}
	expect(entryIds).toHaveLength(5);
	// Finalising waits for the notice to close.
	await page.getByTestId('results-finalise').click();
	await expect(page.getByTestId('results-message')).toContainText('公示期至');
	expect(await layoutProblems(page)).toEqual([]);
	// The filled page (ranking, versions, forms) passes axe like the sweeps' empty one.
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

async function seedSignedOffRound_(competitionId: string) {
	const seeded = await seedJudgeEntries(competitionId, PEOPLE);
	await seedSignedOffRound(seeded.roundId, MARKS, seeded.entryIds);
	return seeded;
}
