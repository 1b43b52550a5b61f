import { expect, test } from '@playwright/test';
import { OWNER, signIn, signOut } from './fixtures';
import { CITY_OWNER, ensureRecommendation, PARENT_TITLE, WINNER } from './recommend-seed';

// Upward recommendation (issue 17) on a phone: the county's owner recommends its winner to the city's
// award from the invitation; the city's owner then finds the entry in screening with its tier.

test.use({ viewport: { width: 390, height: 844 } });

test('a county recommends its winner and the city sees it in screening with its tier', async ({ page }) => {
	const { parentSlug, parentCompetitionId, quotaId } = await ensureRecommendation();
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/nominations`);
	await page.getByTestId('invitation-list').getByRole('link', { name: PARENT_TITLE }).click();
	await expect(page).toHaveURL(new RegExp(`/nominations/${quotaId}$`));
	const candidate = page.getByTestId('candidate-row').filter({ hasText: WINNER.name });
	await expect(candidate).toContainText(WINNER.tier);
	await candidate.locator('input[name="note"]').fill('连续三年获县级工匠称号');
	await candidate.getByRole('button').click();
	await expect(page.getByRole('status')).toContainText(WINNER.name);
	await expect(page.getByTestId('recommendation-row').filter({ hasText: WINNER.name })).toBeVisible();
	await expect(page.getByTestId('invitation-used')).toContainText('1');
	// Nothing scrolls sideways on the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	await signOut(page);
	await signIn(page, CITY_OWNER.email, CITY_OWNER.password);
	await page.goto(`/orgs/${parentSlug}/competitions/${parentCompetitionId}/entries`);
	const card = page.getByTestId('entry-cards').locator('li').filter({ hasText: WINNER.name });
	await expect(card.getByTestId('entry-recommended')).toContainText(WINNER.tier);
	await expect(card.getByTestId('entry-recommended')).toContainText(OWNER.organisationName);
	await card.getByRole('link', { name: WINNER.name }).click();
	await expect(page.getByTestId('recommendation-evidence')).toContainText(WINNER.tier);
	await expect(page.getByTestId('recommendation-evidence')).toContainText('连续三年获县级工匠称号');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
