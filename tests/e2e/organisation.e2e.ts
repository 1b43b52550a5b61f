import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';

test('an owner adds an organiser, with field errors first', async ({ page }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/members`);
	const form = page.locator('form[action="?/addMember"]');
	await form.getByLabel('电子邮箱').fill('not-an-email');
	await form.getByRole('button', { name: '添加成员' }).click();
	await expect(page.locator('#field-email-error')).toHaveText('请输入有效的电子邮箱');
	await expect(page.locator('#field-displayName-error')).toHaveText('此项必填');

	await form.getByLabel('电子邮箱').fill('organiser@jiangxin.test');
	await form.getByLabel('姓名').fill('张组织');
	await form.getByRole('button', { name: '添加成员' }).click();
	await expect(page.locator('#field-password-error')).toHaveText('新账号需要设置初始密码');

	await form.getByLabel('初始密码').fill('organiser passphrase');
	await form.getByRole('button', { name: '添加成员' }).click();
	await expect(page.getByRole('status')).toHaveText('已添加成员');
	await expect(page.getByText('organiser@jiangxin.test')).toBeVisible();

	await page.goto(`/orgs/${OWNER.organisationSlug}/audit`);
	await expect(page.getByTestId('audit-rows').getByText('添加成员', { exact: true })).toBeVisible();
});

test('an API token created in the browser works for the API until it is revoked', async ({ page, request }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/api-tokens`);
	await page.getByLabel('用途说明').fill('报名系统对接');
	await page.getByRole('button', { name: '生成令牌' }).click();
	const token = (await page.getByTestId('new-api-token').textContent())!.trim();
	expect(token).toMatch(/^jx_[a-z2-7]{32}$/);

	const response = await request.get('/api/v1/organisation', { headers: { authorization: `Bearer ${token}` } });
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ slug: OWNER.organisationSlug, name: OWNER.organisationName });

	await page.getByRole('button', { name: '吊销' }).first().click();
	await expect(page.getByText('已吊销')).toBeVisible();
	const refused = await request.get('/api/v1/organisation', { headers: { authorization: `Bearer ${token}` } });
	expect(refused.status()).toBe(401);
});

test('the audit log filters by action and shows nothing for an empty day range', async ({ page }) => {
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/audit`);
	await page.getByLabel('操作', { exact: true }).selectOption('api_token.created');
	await page.getByRole('button', { name: '筛选' }).click();
	await expect(page).toHaveURL(/action=api_token.created/);
	await expect(page.getByTestId('audit-rows').locator('li')).toHaveCount(1);
	await page.goto(`/orgs/${OWNER.organisationSlug}/audit?until=2020-01-01`);
	await expect(page.getByText('没有符合条件的记录')).toBeVisible();
	await page.goto(`/orgs/${OWNER.organisationSlug}/audit?from=not-a-date`);
	await expect(page.locator('#field-from-error')).toHaveText('请输入有效日期');
});

test('contestants can create their own account once the organisation allows it', async ({ page, browser }) => {
	const visitor = await browser.newContext();
	const phone = await visitor.newPage();
	await phone.goto(`/signup/${OWNER.organisationSlug}`);
	await expect(phone.getByText('该单位未开放自助注册，请联系主办方。')).toBeVisible();

	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/settings`);
	await page.getByLabel('允许自助注册').check();
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存');

	await phone.reload();
	await phone.getByLabel('姓名').fill('赵选手');
	await phone.getByLabel('电子邮箱').fill('owner@jiangxin.test');
	await phone.getByLabel('密码').fill('contestant passphrase');
	await phone.getByRole('button', { name: '注册账号' }).click();
	await expect(phone.locator('#field-email-error')).toHaveText('该邮箱已注册');
	await phone.getByLabel('电子邮箱').fill('zhao@jiangxin.test');
	await phone.getByLabel('密码').fill('contestant passphrase');
	await phone.getByRole('button', { name: '注册账号' }).click();
	await expect(phone).toHaveURL(`/orgs/${OWNER.organisationSlug}`);
	await expect(phone.getByText('你的角色：选手')).toBeVisible();
	await visitor.close();

	await page.goto(`/orgs/${OWNER.organisationSlug}/members`);
	await expect(page.getByText('zhao@jiangxin.test')).toBeVisible();
});
