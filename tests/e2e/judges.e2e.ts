import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionIdOf, seedJudgeEntries } from './seed';

const PEOPLE = [
	{ name: '甄选手甲', unit: '县第一机械厂', phone: '13900000001' },
	{ name: '甄选手乙', unit: '县纺织集团', phone: '13900000002' },
	{ name: '甄选手丙', unit: '县电力公司', phone: '13900000003' }
];

test('an organiser builds a panel with conflicts and prints sign-in cards; a judge signs in on a tablet and sees numbers only', async ({ page, browser }) => {
	// A long journey on a shared, busy machine.
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const create = page.locator('form[action="?/create"]');
	await create.locator('select[name="kind"]').selectOption('skills_contest');
	await create.getByLabel('名称', { exact: true }).fill('全县职工车工比武');
	await create.getByLabel('网址标识').fill('lathe-judges-2026');
	await create.locator('select[name="template"]').selectOption('skills_contest');
	await create.locator('input[name="eventName"]').fill('车工');
	await create.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	const competitionId = competitionIdOf(page.url());
	await seedJudgeEntries(competitionId, PEOPLE);

	// The roster: two judges, one of them from the first contestant's unit (typed with full-width spaces).
	await page.getByTestId('judges-link').click();
	const add = page.getByTestId('add-judge');
	await add.getByLabel('姓名').fill('张评委');
	await add.getByLabel('单位').fill('县第一机械厂　');
	await add.getByLabel('手机号码').fill('1381234567');
	await add.getByRole('button', { name: '添加' }).click();
	await expect(add.getByText('请输入 11 位手机号码，或留空')).toBeVisible();
	await add.getByLabel('手机号码').fill('13812345678');
	await add.getByRole('button', { name: '添加' }).click();
	await expect(page.getByTestId('judge-row')).toHaveCount(1);
	await add.getByLabel('姓名').fill('李裁判长');
	await add.getByLabel('单位').fill('市质量技术监督局');
	await add.getByLabel('手机号码').fill('');
	await add.getByRole('button', { name: '添加' }).click();
	await expect(page.getByTestId('judge-row')).toHaveCount(2);

	// The panel: 张 scores, 李 is the head judge. Without a head judge the panel is refused.
	await page.getByRole('link', { name: /评判组与回避/ }).first().click();
	const panel = page.getByTestId('panel-form');
	await panel.getByLabel('张评委 · 评分裁判').check();
	await panel.getByRole('button', { name: '保存评判组' }).click();
	await expect(page.getByText('评判组须有且只有一名裁判长')).toBeVisible();
	await panel.getByLabel('李裁判长 · 裁判长').check();
	await panel.getByRole('button', { name: '保存评判组' }).click();
	await expect(page.getByText('评判组已保存')).toBeVisible();
	await expect(panel.getByLabel('张评委 · 评分裁判')).toBeChecked();

	// 张 stands aside for No. 1 automatically; 李 declares a relative among the contestants.
	const conflicts = page.getByTestId('conflict-row');
	await expect(conflicts).toHaveCount(1);
	await expect(conflicts.first()).toContainText('张评委');
	await expect(conflicts.first()).toContainText('同单位（自动回避）');
	const declare = page.getByTestId('declare-conflict');
	await declare.getByLabel('裁判').selectOption({ label: '李裁判长' });
	await declare.getByLabel('参赛者').selectOption({ label: '2 号 · 甄选手乙' });
	await declare.getByLabel('冲突类型').selectOption('relative');
	await declare.getByLabel('说明（选填）').fill('表兄弟');
	await declare.getByRole('button', { name: '申报' }).click();
	await expect(conflicts).toHaveCount(2);
	await expect(conflicts.filter({ hasText: '李裁判长' })).toContainText('亲属关系 · 表兄弟');
	await expect(conflicts.filter({ hasText: '李裁判长' })).toContainText(`由 ${OWNER.displayName} 于`);

	// Printed sign-in cards: one per judge, with a code and a QR code; the site's header stays off paper.
	await page.getByRole('link', { name: '返回裁判名单' }).click();
	await page.getByRole('link', { name: '打印登录卡' }).click();
	await page.getByRole('button', { name: '生成登录码并显示登录卡' }).click();
	const cards = page.getByTestId('judge-card');
	await expect(cards).toHaveCount(2);
	await expect(cards.first().locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
	const zhang = cards.filter({ hasText: '张评委' });
	const code = ((await zhang.getByTestId('card-code').textContent()) ?? '').replace(/\s/g, '');
	expect(code).toMatch(/^[A-Z0-9]{8}$/);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header').first()).toBeHidden();
	await expect(cards.first()).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	// The judge, on a shared tablet, types the code from the card.
	const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	const judge = await tablet.newPage();
	await judge.goto('/judge/sign-in');
	await judge.getByLabel('登录码').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
	await judge.getByRole('button', { name: '登录' }).click();
	await expect(judge).toHaveURL(/\/judge$/);
	await expect(judge.getByTestId('judge-rounds')).toContainText('评分裁判');
	await judge.getByRole('link', { name: '查看本轮' }).click();
	const entries = judge.getByTestId('judge-entry');
	await expect(entries).toHaveCount(3);
	await expect(entries.nth(0)).toContainText('1 号');
	await expect(entries.nth(0)).toContainText('回避（利益冲突）');
	await expect(entries.nth(1)).toContainText('2 号');
	await expect(entries.nth(1)).not.toContainText('回避');
	const text = await judge.locator('main').innerText();
	for (const person of PEOPLE) for (const secret of [person.name, person.unit, person.phone]) expect(text).not.toContain(secret);
	expect(await judge.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

	// The code was single use.
	await judge.context().clearCookies();
	await judge.goto(`/judge/sign-in?code=${code}`);
	await expect(judge.getByLabel('登录码')).toHaveValue(code);
	await judge.getByRole('button', { name: '登录' }).click();
	await expect(judge.getByText('登录码无效、已使用或已过期')).toBeVisible();
	await tablet.close();
});
