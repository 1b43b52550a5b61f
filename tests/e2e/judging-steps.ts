import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { createContest } from './contest-steps';
import { competitionIdOf, seedJudgeEntries } from './seed';

// Steps of a contest day on tablets, shared by judging-day.e2e.ts and judge-devices.e2e.ts. Not a test
// file: Playwright refuses test files importing each other.

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

/** The skills-contest template's practical criteria, in the scheme's order (maxima 20, 35, 20, 15, 10 points). */
export const CRITERIA = ['process', 'precision', 'surface', 'completeness', 'safety'] as const;
export type Scores = Record<(typeof CRITERIA)[number], number>;
export const typed = (hundredths: number) => (hundredths / 100).toFixed(2);

export interface JudgingDay {
	competitionUrl: string;
	competitionId: string;
	roundId: string;
	judgeIds: Record<string, string>;
}

/**
 * A skills contest made on its pages, `people` entries in its blind first round and a panel of the given
 * judges (written straight into the tables: the roster and panel pages have their own journey in
 * judges.e2e.ts), put in judging.
 */
export async function prepareJudgingDay(page: Page, title: string, slug: string, people: { name: string; unit: string; phone: string }[], panel: { name: string; role: 'judge' | 'head' }[]): Promise<JudgingDay> {
	const competitionUrl = await createContest(page, title, slug, '钳工');
	const competitionId = competitionIdOf(competitionUrl);
	const { roundId } = await seedJudgeEntries(competitionId, people);
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	const judgeIds: Record<string, string> = {};
	try {
		const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
		for (const [index, seat] of panel.entries()) {
			const [judge] = await sql<{ id: string }[]>`
				insert into judge (organisation_id, competition_id, name, unit) values (${round!.organisationId}, ${competitionId}, ${seat.name}, ${`市裁判协会${index + 1}组`}) returning id`;
			await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${round!.organisationId}, ${roundId}, ${judge!.id}, ${seat.role})`;
			judgeIds[seat.name] = judge!.id;
		}
		await sql`update competition set status = 'judging' where id = ${competitionId}`;
	} finally {
		await sql.end();
	}
	return { competitionUrl, competitionId, roundId, judgeIds };
}

/** The organiser prints the judges' sign-in cards; answers each judge's code as printed. */
export async function printSignInCodes(page: Page, competitionUrl: string): Promise<Record<string, string>> {
	await page.goto(competitionUrl);
	await page.getByTestId('judges-link').click();
	await page.getByRole('link', { name: '打印登录卡' }).click();
	await page.getByRole('button', { name: '生成登录码并显示登录卡' }).click();
	const cards = page.getByTestId('judge-card');
	await expect(cards.first()).toBeVisible();
	const codes: Record<string, string> = {};
	for (const card of await cards.all()) {
		const text = await card.innerText();
		const code = ((await card.getByTestId('card-code').textContent()) ?? '').replace(/\s/g, '');
		expect(code).toMatch(/^[A-Z0-9]{8}$/);
		for (const name of text.split('\n')) codes[name.trim()] = code;
	}
	return codes;
}

/** A tablet of its own (a browser context): the judge types the code from the card on the sign-in page. */
export async function signInOnTablet(browser: Browser, baseURL: string, code: string, viewport = { width: 1024, height: 768 }): Promise<{ tablet: BrowserContext; judge: Page }> {
	const tablet = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL });
	const judge = await tablet.newPage();
	await judge.goto('/judge/sign-in');
	await judge.getByLabel('登录码').fill(code);
	await judge.getByRole('button', { name: '登录' }).click();
	await expect(judge).toHaveURL(/\/judge$/);
	return { tablet, judge };
}

/** From the judge's home to the round's queue, connected and loaded. */
export async function openRound(judge: Page, entries: number) {
	await judge.getByRole('link', { name: '查看本轮' }).click();
	await expect(judge.getByTestId('connection')).toHaveText(/在线/);
	await expect(judge.getByTestId('judge-entry')).toHaveCount(entries);
	await expect(judge.getByTestId('open-entry').first()).toBeEnabled();
}

export const criterionOf = (judge: Page, key: string) => judge.getByTestId('score-sheet').locator(`[data-criterion="practical-${key}"]`);

/** Types a score on the criterion's keypad field (the tablet's decimal keypad) and confirms it. */
export async function typeScore(judge: Page, key: string, hundredths: number) {
	const input = criterionOf(judge, key).getByTestId('score-input');
	await input.fill(typed(hundredths));
	await input.press('Enter');
	await expect(input).toHaveValue(typed(hundredths));
}

/** Opens entry n (1-based, in queue order) and types every criterion. */
export async function fillSheet(judge: Page, number: number, scores: Scores) {
	await judge.getByTestId('open-entry').nth(number - 1).click();
	await expect(judge.getByTestId('score-sheet')).toBeVisible();
	for (const key of CRITERIA) await typeScore(judge, key, scores[key]);
}

/** Submits the open sheet through its confirmation; the queue then shows the entry as received by the server. */
export async function submitSheet(judge: Page, number: number) {
	await judge.getByTestId('submit-sheet').click();
	await judge.getByTestId('confirm-submit').click();
	await expect(judge.getByTestId('entry-status').nth(number - 1)).toHaveText('已收到', { timeout: 20_000 });
}

/** The head judge's matrix cells of one entry in the given state (submitted, returned, locked, …). */
export function cellStates(matrix: Page, number: number, state: string) {
	return matrix.locator(`[data-testid="matrix-row"][data-number="${number}"] [data-testid="matrix-cell"][data-state="${state}"]`);
}

/** How many columns the open sheet's criteria stand in, and its smallest tap target (the lesser of width and height, px). */
export function sheetLayout(judge: Page): Promise<{ columns: number; smallestTarget: number }> {
	return judge.getByTestId('score-sheet').evaluate((sheet) => {
		const lefts = new Set([...sheet.querySelectorAll('[data-testid="criterion"]')].map((row) => Math.round(row.getBoundingClientRect().left)));
		const targets = [...sheet.querySelectorAll('button, input')].map((element) => element.getBoundingClientRect()).filter((box) => box.width > 0);
		return { columns: lefts.size, smallestTarget: Math.min(...targets.map((box) => Math.min(box.width, box.height))) };
	});
}
