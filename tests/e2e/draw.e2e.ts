import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { layoutProblems } from './layout-check';
import postgres from 'postgres';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedCompetitionStatus } from './seed';
import { seedApprovedEntries } from '../fixtures/entries';

const DB_URL = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

/** Five approved entries for the competition's first event, straight into the database (registration and screening are another journey). */
async function seedEntries(competitionId: string): Promise<string[]> {
	const sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
	try {
		const [event] = await sql<{ id: string; organisationId: string }[]>`
			select id, organisation_id as "organisationId" from event where competition_id = ${competitionId} order by position limit 1`;
		const entries = await seedApprovedEntries(sql, { organisationId: event!.organisationId, competitionId, eventId: event!.id, count: 5 });
		return entries.map((entry) => entry.name);
	} finally {
		await sql.end();
	}
}

test('an organiser runs draw stages 1 and 2 and verifies them on the public draw page', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('名称', { exact: true }).fill('电工技能比武');
	await form.getByLabel('网址标识').fill('draw-2026');
	await form.locator('select[name="template"]').selectOption('skills_contest');
	await form.getByLabel('第一个竞赛项目').fill('电工');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	const names = await seedEntries(competitionId);
	await seedCompetitionStatus(competitionId, 'screening');

	await page.getByTestId('draw-link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('抽签');
	await page.getByRole('link', { name: '管理抽签' }).first().click();

	const stage = (number: number) => page.getByTestId(`stage-${number}`);
	const step = async (number: number, summary: string, button: string, state: string) => {
		await stage(number).locator('summary', { hasText: summary }).click();
		await stage(number).getByTestId(`stage-${number}-${button}`).click();
		await expect(page.getByTestId(`stage-${number}-state`)).toHaveText(state);
	};
	await step(1, '承诺第1阶段', 'commit', '已承诺，待抽签');
	// Stage 2 waits for stage 1 to run.
	await expect(stage(2).getByText('承诺第2阶段')).toHaveCount(0);
	await step(1, '运行第1阶段抽签', 'run', '已抽签，种子未公开');
	await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(5);
	await step(1, '公开第1阶段种子', 'reveal', '种子已公开，可以验证');
	const seed1 = (await page.getByTestId('stage-1-seed').textContent())!.trim();
	expect(seed1).toMatch(/^[0-9a-f]{64}$/);

	// Too few stations first: the message is at the field.
	await stage(2).locator('summary', { hasText: '承诺第2阶段' }).click();
	await stage(2).getByLabel('工位编号（可选）').fill('A01-A03');
	await stage(2).getByTestId('stage-2-commit').click();
	await expect(stage(2).getByRole('alert')).toContainText('工位不够：需要 5 个，只填了 3 个');
	await stage(2).getByLabel('工位编号（可选）').fill('A01-A05');
	await stage(2).getByTestId('stage-2-commit').click();
	await expect(page.getByTestId('stage-2-state')).toHaveText('已承诺，待抽签');
	await step(2, '运行第2阶段抽签', 'run', '已抽签，种子未公开');
	await step(2, '公开第2阶段种子', 'reveal', '种子已公开，可以验证');
	await expect(page.getByTestId('verification')).toContainText('第1阶段：种子与承诺一致');
	await expect(page.getByTestId('verification')).toContainText('第2阶段：种子与承诺一致');
	await expect(page.getByTestId('numbers-table')).toContainText('A05');
	// Numbers only on the organiser's results: nobody is named until the decoding table is opened.
	for (const name of names) await expect(page.locator('main')).not.toContainText(name);
	await page.getByTestId('open-decoding').click();
	await expect(page.getByTestId('decoding-table')).toContainText(names[0]!);

	await page.goto('/c/draw-2026/draw');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('抽签公示');
	await expect(page.getByTestId('draw-commitments').getByTestId('draw-seed').first()).toHaveText(seed1);
	for (const number of [1, 2]) {
		await page.getByTestId(`verify-stage-${number}`).click();
		await expect(page.getByTestId('verify-ok').nth(number - 1)).toHaveText('验证通过：种子与承诺一致，结果可以完全复现。');
	}
	for (const name of names) await expect(page.locator('body')).not.toContainText(name);
	const data = await (await page.request.get('/c/draw-2026/draw.json')).json();
	expect(data.rounds[0].stages.map((item: { seed: string | null }) => item.seed)[0]).toBe(seed1);

	// The public page on a phone: nothing scrolls sideways, and axe finds nothing serious (the sweeps cover signed-in pages).
	await page.setViewportSize({ width: 390, height: 844 });
	await page.reload();
	expect(await layoutProblems(page)).toEqual([]);
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
});
