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
	{ name: 'account', path: '/account' },
	{ name: 'admin', path: '/admin/organisations' },
	{ name: 'api-docs', path: '/api/v1/docs' },
	{ name: 'my-entries', path: '/my/entries' }
];

/** The competition registration.e2e.ts opens for registration (it runs before the sweeps, by name). */
export const REGISTRATION_SLUG = 'e2e-register';

export const SIGNED_OUT_PAGES = [
	{ name: 'login', path: '/login' },
	{ name: 'signup', path: `/signup/${OWNER.organisationSlug}` },
	// Public pages (no sign-in): the competition registration.e2e.ts created, and its contestant sign-up.
	{ name: 'public-competition', path: `/c/${REGISTRATION_SLUG}` },
	{ name: 'contestant-signup', path: `/c/${REGISTRATION_SLUG}/signup` }
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
	const pages = [
		{ name: 'competition', path: competition },
		{ name: 'scheme-editor', path: (await scheme.getAttribute('href'))! },
		{ name: 'registration-settings', path: `${competition}/registration` }
	];
	// The registration form, when registration.e2e.ts has opened its competition.
	const open = await page.goto(`/c/${REGISTRATION_SLUG}`);
	const register = page.getByTestId('register-link').first();
	if (open?.ok() && (await register.count()) > 0) pages.push({ name: 'registration-form', path: (await register.getAttribute('href'))! });
	return pages;
}
