import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';

test('an owner invites an organiser, who creates an account from the link and joins', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/members`);
	const form = page.locator('form[action="?/addMember"]');
	await form.getByLabel('电子邮箱').fill('not-an-email');
	await form.getByRole('button', { name: '创建邀请' }).click();
	await expect(page.locator('#field-email-error')).toHaveText('请输入有效的电子邮箱');

	await form.getByLabel('电子邮箱').fill('organiser@jiangxin.test');
	await form.getByLabel('角色').selectOption('organiser');
	await form.getByRole('button', { name: '创建邀请' }).click();
	await expect(page.getByRole('status')).toContainText('已为 organiser@jiangxin.test 创建邀请。');
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/);
	await expect(page.getByTestId('pending-invitations')).toContainText('organiser@jiangxin.test · 组织者');

	// The invited person reads the page in English, creates the account with the invited address and joins.
	const visitor = await browser.newContext();
	await visitor.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
	const invitee = await visitor.newPage();
	await invitee.goto(link);
	await expect(invitee.getByRole('heading', { name: `You are invited to join ${OWNER.organisationName}` })).toBeVisible();
	await expect(invitee.getByText('Role: Organiser. Invited address: organiser@jiangxin.test.')).toBeVisible();
	await invitee.getByLabel('Name').fill('张组织');
	await invitee.getByLabel('Password').fill('organiser passphrase');
	await invitee.getByRole('button', { name: 'Create account and join' }).click();
	await expect(invitee).toHaveURL(`/orgs/${OWNER.organisationSlug}`);
	await invitee.goto(link);
	await expect(invitee.getByText('This invitation link is invalid, expired, revoked or already used.')).toBeVisible();
	await visitor.close();

	await page.reload();
	await expect(page.getByText('organiser@jiangxin.test')).toBeVisible();
	await expect(page.getByText('没有待接受的邀请。')).toBeVisible();

	// A second invitation, revoked: its link stops working.
	await form.getByLabel('电子邮箱').fill('later@jiangxin.test');
	await form.getByRole('button', { name: '创建邀请' }).click();
	const revokedLink = (await page.getByTestId('invitation-link').textContent())!.trim();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: '撤销对 later@jiangxin.test 的邀请' }).click();
	await expect(page.getByRole('status')).toHaveText('已撤销邀请');
	await expect(page.getByText('没有待接受的邀请。')).toBeVisible();
	await page.goto(revokedLink);
	await expect(page.getByText('这个邀请链接无效、已过期、已撤销或已被使用。请联系邀请你的人重新发送。')).toBeVisible();

	await page.goto(`/orgs/${OWNER.organisationSlug}/audit`);
	const rows = page.getByTestId('audit-rows');
	await expect(rows.getByText('邀请成员', { exact: true }).first()).toBeVisible();
	await expect(rows.getByText('接受邀请', { exact: true })).toBeVisible();
	await expect(rows.getByText('撤销邀请', { exact: true })).toBeVisible();
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
