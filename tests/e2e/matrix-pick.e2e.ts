import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';
import { createContest } from './contest-steps';
import { competitionIdOf, seedJudgeEntries, seedTabletJudge } from './seed';

// The head judge's matrix: clicking a cell chooses its entry and judge in the return and absence forms
// below; without JavaScript the cells are plain and the forms still work with their own pickers.

const PEOPLE = [1, 2, 3].map((index) => ({ name: `矩阵选手${index}`, unit: `矩阵单位${index}`, phone: `1370000${String(index).padStart(4, '0')}` }));

test('a matrix cell pre-fills the return and absence forms; without JavaScript the absence form still records', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page);
	const competitionId = competitionIdOf(await createContest(page, '矩阵点选演练', 'matrix-pick-2026', '钳工'));
	const { roundId, entryIds } = await seedJudgeEntries(competitionId, PEOPLE);
	const first = await seedTabletJudge(competitionId, roundId, '甲评委');
	const second = await seedTabletJudge(competitionId, roundId, '乙评委');
	const matrixPath = new URL(page.url()).pathname.replace(/\/competitions\/.*$/, `/competitions/${competitionId}/rounds/${roundId}/matrix`);

	await page.goto(matrixPath);
	await expect(page.getByTestId('pick-hint')).toBeVisible();
	const sheetForm = page.getByTestId('sheet-form');
	const absenceForm = page.getByTestId('absence-form');
	// Before any click: the first entry and judge.
	await expect(sheetForm.locator('select[name="entryId"]')).toHaveValue(entryIds[0]!);
	const row = page.getByTestId('matrix-row').filter({ has: page.getByRole('rowheader', { name: /3/ }) });
	await row.getByRole('button', { name: /乙评委/ }).click();
	await expect(row.getByRole('button', { name: /乙评委/ })).toHaveAttribute('aria-pressed', 'true');
	for (const form of [sheetForm, absenceForm]) {
		await expect(form.locator('select[name="entryId"]')).toHaveValue(entryIds[2]!);
		await expect(form.locator('select[name="judgeId"]')).toHaveValue(second.judgeId);
	}
	await expect(sheetForm.locator('select[name="componentKey"]')).toHaveValue('practical');
	// The chosen cell is what the form sends: the absence lands on entry 3 and 乙评委.
	await absenceForm.getByLabel('理由').fill('临时离场');
	await absenceForm.getByRole('button', { name: '登记缺席' }).click();
	await expect(page.getByTestId('absences')).toContainText('乙评委');
	await expect(page.getByTestId('absences')).toContainText('3');

	const plain = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', baseURL: new URL(page.url()).origin });
	await plain.addCookies(await page.context().cookies());
	const noScript = await plain.newPage();
	await noScript.goto(matrixPath);
	await expect(noScript.getByTestId('matrix-pick')).toHaveCount(0);
	const form = noScript.getByTestId('absence-form');
	await form.locator('select[name="entryId"]').selectOption(entryIds[1]!);
	await form.locator('select[name="judgeId"]').selectOption(first.judgeId);
	await form.getByLabel('理由').fill('设备故障');
	await form.getByRole('button', { name: '登记缺席' }).click();
	await expect(noScript.getByTestId('absences')).toContainText('甲评委');
	await plain.close();
});
