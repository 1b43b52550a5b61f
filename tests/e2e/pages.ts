import { expect, type Page } from '@playwright/test';
import { OWNER } from './fixtures';

// Every page a signed-in organiser reaches, for the accessibility and layout sweeps. The competition and
// its scheme editor are the ones the journeys before have created (found from the list, not hard-coded).
export const SIGNED_IN_PAGES = [
	{ name: 'overview', path: `/orgs/${OWNER.organisationSlug}` },
	{ name: 'members', path: `/orgs/${OWNER.organisationSlug}/members` },
	{ name: 'audit', path: `/orgs/${OWNER.organisationSlug}/audit` },
	{ name: 'competitions', path: `/orgs/${OWNER.organisationSlug}/competitions` },
	{ name: 'api-tokens', path: `/orgs/${OWNER.organisationSlug}/api-tokens` },
	{ name: 'settings', path: `/orgs/${OWNER.organisationSlug}/settings` },
	{ name: 'screening-reasons', path: `/orgs/${OWNER.organisationSlug}/settings/screening-reasons` },
	{ name: 'account', path: '/account' },
	{ name: 'admin', path: '/admin/organisations' },
	{ name: 'api-docs', path: '/api/v1/docs' }
];

export const SIGNED_OUT_PAGES = [
	{ name: 'login', path: '/login' },
	{ name: 'signup', path: `/signup/${OWNER.organisationSlug}` }
];

/** The first competition of the demo organisation and the scheme editor of its first round. */
export async function competitionPages(page: Page): Promise<{ name: string; path: string }[]> {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const first = page.getByTestId('competition-list').locator('a').first();
	if ((await first.count()) === 0) {
		// Run alone (not after the other journeys): make one from the skills-contest template.
		const form = page.locator('form[action="?/create"]');
		await form.locator('select[name="kind"]').selectOption('skills_contest');
		await form.locator('input[name="title"]').fill('无障碍检查技能竞赛');
		await form.locator('input[name="slug"]').fill('a11y-sweep');
		await form.locator('select[name="template"]').selectOption('skills_contest');
		await form.locator('input[name="eventName"]').fill('钳工');
		await form.locator('button[type="submit"]').last().click();
		await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
		await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	}
	await expect(first).toBeVisible();
	const competition = (await first.getAttribute('href'))!;
	await page.goto(competition);
	const scheme = page.locator('a[href$="/scheme"]').first();
	await expect(scheme).toBeAttached();
	const schemePath = (await scheme.getAttribute('href'))!;
	// The entries list, and an entry when there is one (the screening journey seeds some).
	await page.goto(`${competition}/entries`);
	const entry = page.locator('a[href*="/entries/"]').first();
	const entryPages = (await entry.count()) > 0 ? [{ name: 'entry', path: (await entry.getAttribute('href'))! }] : [];
	return [
		{ name: 'competition', path: competition },
		{ name: 'scheme-editor', path: schemePath },
		{ name: 'entries', path: `${competition}/entries` },
		...entryPages
	];
}
