import { expect, type Page } from '@playwright/test';

/** The owner created by the first-run test; the other journeys sign in as this person. */
export const OWNER = {
	organisationName: '示范县总工会',
	organisationSlug: 'demo-county',
	displayName: '李主任',
	email: 'owner@jiangxin.test',
	password: 'a strong passphrase 2026'
};

export async function signIn(page: Page, email = OWNER.email, password = OWNER.password) {
	await page.goto('/login');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('form button[type="submit"]').last().click();
	await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
	await page.getByTestId('user-menu').click();
	await page.locator('form[action="/logout"] button').click();
	await expect(page).toHaveURL(/\/login/);
}
