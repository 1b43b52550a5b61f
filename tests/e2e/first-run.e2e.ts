import { expect, test } from '@playwright/test';
import { OWNER } from './fixtures';

test('the first visit sets up the first organisation and its owner, then the setup page is gone', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

	// Submitting nothing shows a message at every field, in Chinese, and keeps what was typed.
	await page.getByLabel('主办单位名称').fill(OWNER.organisationName);
	await page.getByLabel('网址标识').fill('Not A Slug!');
	await page.getByRole('button', { name: '完成设置' }).click();
	await expect(page.locator('#field-organisationSlug-error')).toHaveText(/小写字母/);
	await expect(page.locator('#field-email-error')).toHaveText('此项必填');
	await expect(page.locator('#field-password-error')).toHaveText('此项必填');
	await expect(page.getByLabel('主办单位名称')).toHaveValue(OWNER.organisationName);

	await page.getByLabel('网址标识').fill(OWNER.organisationSlug);
	await page.getByLabel('姓名').fill(OWNER.displayName);
	await page.getByLabel('电子邮箱').fill(OWNER.email);
	await page.getByLabel('密码').fill('short');
	await page.getByRole('button', { name: '完成设置' }).click();
	await expect(page.locator('#field-password-error')).toHaveText('密码至少 10 个字符');

	await page.getByLabel('密码').fill(OWNER.password);
	await page.getByRole('button', { name: '完成设置' }).click();
	await expect(page).toHaveURL(`/orgs/${OWNER.organisationSlug}`);
	await expect(page.getByRole('heading', { name: `${OWNER.organisationName} 概览` })).toBeVisible();
	await expect(page.getByText('创建主办单位')).toBeVisible();

	const again = await page.goto('/setup');
	expect(again?.status()).toBe(404);
});
