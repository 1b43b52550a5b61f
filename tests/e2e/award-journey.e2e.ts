import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { drawStage } from './contest-steps';
import { layoutProblems } from './layout-check';
import { competitionIdOf, seedCompetitionStatus, seedScreeningEntries } from './seed';
import { closeNotice, entriesByName, numbersByName, roundsOf, seedAcceptedVotes, seedSignedOffExpertRound } from './award-steps';

// Issue 17's journey: the seeds' county craftsman award (工匠评选) run by its organiser in the browser,
// from screening to certificates — 115 applications → 87 pass screening → numbers drawn → 90 % expert +
// 10 % public vote → the best 21 advance → five criteria → 12 工匠, 9 提名奖 and one 工匠特别奖 →
// reveal, notice (公示), final → certificates, verified on a phone.
//
// Clicked: every organiser's decision (creating the award, screening, the draws, computing, advancing,
// the special award, revealing, publishing, finalising, issuing). Seeded: the applications (as
// registration leaves them), the judges' locked sheets with the head judge's sign-off and the accepted
// votes (issues 15 and 16, which their own tablet and voting journeys cover), and the seven days of
// notice going by (SQL moves the window into the past).

const APPLICANTS = 115;
const PASSED = 87;
const REASONS = ['不符合申报条件', '申报材料不全'];

// Screening: the search "选手1" matches 选手1, 选手10–19 and 选手100–115 (27, rejected in bulk by that
// search), and 选手2 is rejected on their own: 28 fail, leaving 选手3–9 and 选手20–99 (87).
const passes = (n: number) => (n >= 3 && n <= 9) || (n >= 20 && n <= 99);
const person = (n: number) => `选手${n}`;

// Preliminary (初评) marks: 选手n's trimmed expert mean is n − 10 for n ≥ 20 (n for 3–9). Every judge's
// R_j is a whole number (mark +2, +1, 0, −1, −3; the +2 and −3 are dropped). Only four get votes; the
// most, 100, makes the normalised vote simply the count: total = 0.9 × expert + 0.1 × votes.
const preliminaryMark = (n: number) => (n >= 20 ? n - 10 : n);
const VOTES: Record<number, number> = { 98: 100, 95: 60, 99: 20, 90: 50 };
// By hand:
//   rank  who     expert  votes  vote (÷100×100)  total = 0.9 × expert + 0.1 × vote
//    1    选手98   88.00   100    100.00           79.20 + 10.00 = 89.20
//    2    选手95   85.00    60     60.00           76.50 +  6.00 = 82.50
//    3    选手99   89.00    20     20.00           80.10 +  2.00 = 82.10
//    4    选手97   87.00     0      0.00           78.30
//    5    选手96   86.00     0      0.00           77.40
//    6    选手90   80.00    50     50.00           72.00 +  5.00 = 77.00
//    7    选手94   84.00     0      0.00           75.60
//   8–10  选手93, 92, 91                           74.70, 73.80, 72.90
//  11–21  选手89 … 选手79 (expert 79 … 69)         71.10 … 62.10  (advance)
//   22    选手78   68.00                            61.20          (does not advance)
const PRELIMINARY = [
	{ who: 98, total: '89.20' },
	{ who: 95, total: '82.50' },
	{ who: 99, total: '82.10' },
	{ who: 97, total: '78.30' },
	{ who: 96, total: '77.40' },
	{ who: 90, total: '77.00' },
	{ who: 94, total: '75.60' }
];
const FINALISTS = [98, 95, 99, 97, 96, 90, 94, 93, 92, 91, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79];

// Final (终评), expert 100 %: 选手n's trimmed mean is 150 − n, which turns the order round: 选手79 first
// with 71.00 … 选手99 last with 51.00. The first 12 (选手79–90) are 工匠, the next 9 (选手91–99) 提名奖.
const finalMark = (n: number) => 150 - n;
const FINAL_ORDER = [...FINALISTS].sort((a, b) => finalMark(b) - finalMark(a));
const SPECIAL = { who: 98, title: '工匠特别奖', reason: '网络投票第一，带徒传艺成绩突出' };

const PHONE = { width: 390, height: 844 };

async function expectMessage(page: Page, text: string) {
	await expect(page.getByTestId('results-message')).toContainText(text, { timeout: 30_000 });
}

test('the seeds’ craftsman award from screening to certificates, verified on a phone', async ({ page, browser }) => {
	test.setTimeout(480_000);
	const slug = `award-${Date.now().toString(36)}`;
	const title = '县级工匠评选（初评 + 终评）';
	await signIn(page);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-CN', url: new URL(page.url()).origin }]);

	// 1. The award from the craftsman_award template: 初评 (90 % expert + 10 % vote, top 21) and 终评.
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('craftsman_award');
	await create.locator('input[name="title"]').fill(title);
	await create.locator('input[name="slug"]').fill(slug);
	await create.locator('select[name="template"]').selectOption('craftsman_award');
	await create.locator('input[name="eventName"]').fill('县级工匠评选');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competition = page.url();
	const competitionId = competitionIdOf(competition);
	const [preliminary, final] = await roundsOf(competitionId);
	expect([preliminary?.name, final?.name]).toEqual(['初评', '终评']);

	// 2. 115 applications; screening in the browser.
	await seedCompetitionStatus(competitionId, 'screening');
	await seedScreeningEntries(competitionId, APPLICANTS, REASONS);
	await page.goto(`${competition}/entries`);
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${APPLICANTS} 条符合`);
	await expect(page.getByTestId('count-submitted')).toHaveText(String(APPLICANTS));
	const bulk = page.getByTestId('bulk-decision');

	// 选手2 alone, ticked in the list, with a preset reason.
	await page.getByTestId('entry-table').locator('tr', { has: page.getByRole('link', { name: person(2), exact: true }) }).locator('input[name="entryIds"]').check();
	await expect(bulk).toContainText('已选 1 条');
	await bulk.getByLabel('预设原因').selectOption(REASONS[1]!);
	await bulk.getByRole('button', { name: '不通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText('不通过 1 条');
	await expect(page.getByTestId('count-rejected')).toHaveText('1');

	// Everyone the search "选手1" finds (27, over more than one page's worth), in bulk, by the search.
	await page.getByLabel('搜索').fill('选手1');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page.getByTestId('entry-total')).toHaveText('共 27 条符合');
	await page.getByTestId('bulk-all').check();
	await bulk.getByLabel('预设原因').selectOption(REASONS[0]!);
	await bulk.getByLabel('补充说明').fill('申报对象须在本县从业满五年');
	await bulk.getByRole('button', { name: '不通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText('不通过 27 条');
	await expect(page.getByTestId('count-rejected')).toHaveText(String(APPLICANTS - PASSED));

	// Everyone still waiting passes, by the status filter (the search cleared first).
	await page.getByTestId('entry-filters').getByRole('link', { name: '清除' }).click();
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${APPLICANTS} 条符合`);
	await page.getByTestId('status-counts').locator('a', { has: page.getByTestId('count-submitted') }).click();
	await expect(page.getByTestId('entry-total')).toHaveText(`共 ${PASSED} 条符合`);
	await page.getByTestId('bulk-all').check();
	await bulk.getByRole('button', { name: '通过', exact: true }).click();
	await expect(page.getByTestId('bulk-summary')).toContainText(`通过 ${PASSED} 条`, { timeout: 60_000 });
	await expect(page.getByTestId('count-approved')).toHaveText(String(PASSED));
	await expect(page.getByTestId('count-rejected')).toHaveText(String(APPLICANTS - PASSED));
	await expect(page.getByTestId('count-submitted')).toHaveText('0');
	// A rejected applicant shows the reason they will read.
	await page.goto(`${competition}/entries?q=${encodeURIComponent('选手105')}`);
	await page.getByTestId('entry-table').getByRole('link', { name: person(105), exact: true }).click();
	await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('entry-status')).toHaveText('未通过');
	await expect(page.getByTestId('status-reason')).toHaveText(`原因：${REASONS[0]}；申报对象须在本县从业满五年`);

	// 3. Numbers for 初评 by the draw's first stage (committed, run, seed revealed).
	await page.goto(`${competition}/draw`);
	await page.getByRole('link', { name: '管理抽签' }).first().click();
	await drawStage(page, 1);
	await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(PASSED);

	// 4. Scoring and the vote (issues 15 and 16), seeded: five judges' locked sheets, accepted votes, sign-off.
	const entryOf = await entriesByName(competitionId);
	const passed = Array.from({ length: APPLICANTS }, (_, index) => index + 1).filter(passes);
	expect(passed).toHaveLength(PASSED);
	await seedSignedOffExpertRound(preliminary!.id, new Map(passed.map((n) => [entryOf.get(person(n))!, preliminaryMark(n)])), '初评评委');
	await seedAcceptedVotes(preliminary!.id, new Map(Object.entries(VOTES).map(([n, votes]) => [entryOf.get(person(Number(n)))!, votes])));
	const preliminaryNumbers = await numbersByName(preliminary!.id);

	// 5. 初评's results: computed blind (numbers only), equal to the table above; the best 21 advance.
	const rounds = `/orgs/${OWNER.organisationSlug}/competitions/${competitionId}/rounds`;
	await page.goto(`${rounds}/${preliminary!.id}/results`);
	await expect(page.getByTestId('results-blind')).toBeVisible();
	await expect(page.getByTestId('results-state')).toHaveText('审核中：尚未公示');
	await page.getByTestId('results-compute').click();
	await expectMessage(page, '成绩已计算并存为新版本');
	const rows = page.getByTestId('results-row');
	await expect(rows).toHaveCount(PASSED);
	for (const [index, expected] of PRELIMINARY.entries()) {
		const row = rows.nth(index);
		await expect(row.getByTestId('results-rank')).toHaveText(String(index + 1));
		await expect(row.getByTestId('results-number')).toHaveText(`${preliminaryNumbers.get(person(expected.who))} 号`);
		await expect(row.getByTestId('results-total')).toHaveText(expected.total);
	}
	await expect(rows.nth(20).getByTestId('results-total')).toHaveText('62.10');
	await expect(rows.nth(21).getByTestId('results-total')).toHaveText('61.20');
	await expect(rows.filter({ hasText: '晋级' })).toHaveCount(21);
	await expect(rows.nth(20)).toContainText('晋级');
	await expect(rows.nth(21)).not.toContainText('晋级');
	await expect(page.getByTestId('results-name')).toHaveCount(0);
	await page.getByTestId('results-advance').click();
	await expectMessage(page, '已将21名晋级者加入终评');

	// The final round holds the 21; a blind round draws its own numbers.
	await page.goto(`${competition}/draw`);
	await page.getByRole('link', { name: '管理抽签' }).nth(1).click();
	await drawStage(page, 1);
	await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(FINALISTS.length);

	// 6. 终评: five judges' sheets for the 21 and the sign-off (seeded); a special award by hand; 12 + 9 tiers.
	await seedSignedOffExpertRound(final!.id, new Map(FINALISTS.map((n) => [entryOf.get(person(n))!, finalMark(n)])), '终评评委');
	const finalNumbers = await numbersByName(final!.id);
	expect(finalNumbers.size).toBe(FINALISTS.length);
	await page.goto(`${rounds}/${final!.id}/results`);
	await page.getByTestId('results-compute').click();
	await expectMessage(page, '成绩已计算并存为新版本');
	await expect(rows).toHaveCount(FINALISTS.length);

	const award = page.getByTestId('results-award-form');
	await award.getByLabel('参赛者').selectOption({ label: `${finalNumbers.get(person(SPECIAL.who))} 号` });
	await award.getByLabel('奖项').fill(SPECIAL.title);
	await award.getByLabel('理由').fill(SPECIAL.reason);
	await award.getByRole('button', { name: '授予' }).click();
	await expectMessage(page, '已授予特别奖');
	await expect(page.getByTestId('results-award')).toHaveCount(1);
	await expect(page.getByTestId('results-award')).toContainText(SPECIAL.reason);

	await page.getByLabel('原因（可不填）').fill('加入工匠特别奖');
	await page.getByTestId('results-compute').click();
	await expectMessage(page, '成绩已计算并存为新版本');
	await expect(page.getByTestId('results-tier')).toHaveText([...Array(12).fill('工匠'), ...Array(9).fill('提名奖')]);
	await expect(page.getByTestId('results-total')).toHaveText(FINAL_ORDER.map((n) => `${finalMark(n)}.00`));
	await expect(page.getByTestId('results-number')).toHaveText(FINAL_ORDER.map((n) => `${finalNumbers.get(person(n))} 号`));
	await expect(page.getByTestId('results-special')).toHaveCount(1);
	await expect(rows.filter({ has: page.getByTestId('results-special') }).getByTestId('results-number')).toHaveText(`${finalNumbers.get(person(SPECIAL.who))} 号`);
	await expect(page.getByTestId('results-name')).toHaveCount(0);

	// Reveal the names, publish on notice, let the notice pass, finalise.
	await page.getByTestId('results-reveal').click();
	await expectMessage(page, '已解密姓名');
	await expect(page.getByTestId('results-name')).toHaveCount(FINALISTS.length);
	for (const [index, n] of FINAL_ORDER.slice(0, 3).entries()) await expect(rows.nth(index).getByTestId('results-name')).toContainText(person(n));
	await expect(rows.filter({ has: page.getByTestId('results-special') }).getByTestId('results-name')).toContainText(person(SPECIAL.who));
	await page.getByTestId('results-publish').click();
	await expectMessage(page, '成绩已公示');
	await expect(page.getByTestId('results-state')).toContainText('公示期');
	await page.getByTestId('results-finalise').click();
	await expectMessage(page, '公示期至');
	await closeNotice(final!.id);
	await page.reload();
	await page.getByTestId('results-finalise').click();
	await expectMessage(page, '成绩已定稿');
	await expect(page.getByTestId('results-state')).toContainText('定稿');

	// 7. Certificates: 12 工匠 + 9 提名奖 + the special award.
	await page.goto(`${competition}/certificates`);
	await page.getByRole('button', { name: '颁发证书' }).click();
	await expect(page.getByText('新颁发 22 张证书。')).toBeVisible({ timeout: 60_000 });
	const certificates = page.getByTestId('certificate-row');
	await expect(certificates).toHaveCount(22);
	await expect(certificates.filter({ hasText: '· 工匠' }).filter({ hasNotText: '特别奖' })).toHaveCount(12);
	await expect(certificates.filter({ hasText: '· 提名奖' })).toHaveCount(9);
	await expect(certificates.filter({ hasText: `· ${SPECIAL.title}` })).toHaveCount(1);
	const winner = person(FINAL_ORDER[0]!);
	const winnerCertificate = certificates.filter({ hasText: winner }).filter({ hasText: '· 工匠' });
	await expect(winnerCertificate).toHaveCount(1);
	const verifyPath = await winnerCertificate.getByRole('link', { name: '查验页' }).getAttribute('href');
	expect(verifyPath).toMatch(/^\/verify\/[A-Za-z0-9]+$/);

	// On a phone, signed out: the certificate verifies, and the public results show the ranks.
	const phone = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE });
	const mobile = await phone.newPage();
	await mobile.goto(verifyPath!);
	await expect(mobile.getByTestId('verify-status')).toHaveText('证书有效');
	await expect(mobile.getByTestId('verify-holder')).toHaveText('选**9');
	await expect(mobile.getByRole('definition').filter({ hasText: /^工匠$/ })).toBeVisible();
	await expect(mobile.getByText(title)).toBeVisible();
	await expect(mobile.getByText(winner, { exact: true })).toHaveCount(0);
	expect(await layoutProblems(mobile)).toEqual([]);

	await mobile.goto(`/c/${slug}/results`);
	const placings = mobile.getByTestId('placing');
	await expect(placings).toHaveCount(FINALISTS.length);
	for (const [index, n] of FINAL_ORDER.slice(0, 3).entries()) {
		await expect(placings.nth(index)).toContainText(`第${index + 1}名`);
		await expect(placings.nth(index).getByTestId('placing-name')).toHaveText(person(n));
		await expect(placings.nth(index).getByTestId('placing-total')).toContainText(`${finalMark(n)}.00`);
	}
	await expect(placings.nth(0)).toContainText('工匠');
	await expect(placings.nth(20)).toContainText('第21名');
	await expect(placings.nth(20)).toContainText('提名奖');
	await expect(placings.filter({ hasText: SPECIAL.title })).toHaveCount(1);
	expect(await layoutProblems(mobile)).toEqual([]);
	await phone.close();
});
