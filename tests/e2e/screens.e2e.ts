import { expect, test } from '@playwright/test';
import { OWNER, signIn } from './fixtures';

// Screenshots for people to look at (tests/e2e/screenshots/), at the sizes our users hold:
// contestants on phones, judges on tablets, organisers at desks.
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'tablet', width: 820, height: 1180 },
	{ name: 'desktop', width: 1440, height: 900 }
];
const PAGES = [
	{ name: 'overview', path: `/orgs/${OWNER.organisationSlug}` },
	{ name: 'members', path: `/orgs/${OWNER.organisationSlug}/members` },
	{ name: 'audit', path: `/orgs/${OWNER.organisationSlug}/audit` },
	{ name: 'competitions', path: `/orgs/${OWNER.organisationSlug}/competitions` }
];

for (const size of SIZES) {
	test(`the shell fits a ${size.name} without sideways scrolling`, async ({ page }) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		await page.goto('/login');
		await page.screenshot({ path: `tests/e2e/screenshots/${size.name}-login.png`, fullPage: true });
		await signIn(page);
		for (const target of PAGES) {
			await page.goto(target.path);
			await expect(page.getByTestId('organisation-switcher')).toBeVisible();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${target.name} scrolls sideways on a ${size.name}`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: `tests/e2e/screenshots/${size.name}-${target.name}.png`, fullPage: true });
		}
		// A competition page, when the journeys before this one created any.
		const first = page.getByTestId('competition-list').locator('a').first();
		if (await first.count()) {
			await first.click();
			await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
			await expect(page.getByTestId('competition-status')).toBeVisible();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `the competition page scrolls sideways on a ${size.name}`).toBeLessThanOrEqual(0);
			await page.screenshot({ path: `tests/e2e/screenshots/${size.name}-competition.png`, fullPage: true });
		}
	});
}
