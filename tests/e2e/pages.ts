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
	// The judge's own page: the owner is on no panel, so it shows the empty state.
	{ name: 'judge-home', path: '/judge' },
	{ name: 'my-entries', path: '/my/entries' },
	// Last: the CSP sweep opens the docs' details after the loop.
	{ name: 'api-docs', path: '/api/v1/docs' }
];

/** The competition registration.e2e.ts opens for registration (it runs before the sweeps, by name). */
export const REGISTRATION_SLUG = 'e2e-register';

export const SIGNED_OUT_PAGES = [
	{ name: 'login', path: '/login' },
	{ name: 'signup', path: `/signup/${OWNER.organisationSlug}` },
	{ name: 'judge-sign-in', path: '/judge/sign-in' },
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
	const schemePath = (await scheme.getAttribute('href'))!;
	return [
		{ name: 'competition', path: competition },
		{ name: 'scheme-editor', path: schemePath }
	];
}

/** Registration (issue 14): the organiser's settings, and the form of the competition registration.e2e.ts opened. */
export async function registrationPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition] = await competitionPages(page);
	const pages = [{ name: 'registration-settings', path: `${competition!.path}/registration` }];
	const open = await page.goto(`/c/${REGISTRATION_SLUG}`);
	const register = page.getByTestId('register-link').first();
	if (open?.ok() && (await register.count()) > 0) pages.push({ name: 'registration-form', path: (await register.getAttribute('href'))! });
	return pages;
}

/** The draw (issue 14) of that competition: the overview, its first round's stages and printable sheets. */
export async function drawPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition, scheme] = await competitionPages(page);
	const roundId = /\/rounds\/([0-9a-f-]{36})\//.exec(scheme!.path)![1];
	const base = `${competition!.path}/draw`;
	return [
		{ name: 'draw', path: base },
		{ name: 'draw-round', path: `${base}/${roundId}` },
		{ name: 'draw-sheet-results', path: `${base}/${roundId}/print/results` },
		{ name: 'draw-sheet-cards', path: `${base}/${roundId}/print/cards` },
		{ name: 'draw-sheet-sign-in', path: `${base}/${roundId}/print/sign-in` }
	];
}

/** Judges (issue 14) of that competition: roster, printable sign-in cards, the first round's panel and conflicts. */
export async function judgePages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition, scheme] = await competitionPages(page);
	const roundId = /\/rounds\/([0-9a-f-]{36})\//.exec(scheme!.path)![1];
	return [
		{ name: 'judges', path: `${competition!.path}/judges` },
		{ name: 'judge-cards', path: `${competition!.path}/judges/cards` },
		{ name: 'judge-panel', path: `${competition!.path}/judges/rounds/${roundId}` }
	];
}

/** The head judge's and organiser's control of the first round (issue 15): the live matrix and the tablets. */
export async function roundControlPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition, scheme] = await competitionPages(page);
	const roundId = /\/rounds\/([0-9a-f-]{36})\//.exec(scheme!.path)![1];
	return [
		{ name: 'round-matrix', path: `${competition!.path}/rounds/${roundId}/matrix` },
		{ name: 'round-devices', path: `${competition!.path}/rounds/${roundId}/devices` }
	];
}

/** Entries (issue 14) of that competition: the list, an entry when there is one (the screening journey seeds some), the union-list import. */
export async function entryPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition] = await competitionPages(page);
	await page.goto(`${competition!.path}/entries`);
	const entry = page.locator('a[href*="/entries/"]:not([href$="/import"])').first();
	const entryPage = (await entry.count()) > 0 ? [{ name: 'entry', path: (await entry.getAttribute('href'))! }] : [];
	return [{ name: 'entries', path: `${competition!.path}/entries` }, ...entryPage, { name: 'entries-import', path: `${competition!.path}/entries/import` }];
}

/**
 * Pages of one capability under the sample competition. Each group gets its own test in the screen and
 * accessibility sweeps, so no single test walks every page (and outlives its timeout under load).
 */
export const FEATURE_PAGE_GROUPS: { name: string; pages: (page: Page) => Promise<{ name: string; path: string }[]> }[] = [
	{ name: 'draw', pages: drawPages },
	{ name: 'judges', pages: judgePages },
	{ name: 'entries', pages: entryPages },
	{ name: 'registration', pages: registrationPages },
	{ name: 'round-control', pages: roundControlPages }
];
