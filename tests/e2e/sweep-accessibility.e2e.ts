import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { competitionPages, ensureSweepCompetition, FEATURE_PAGE_GROUPS, openForSweep, settle, SIGNED_IN_PAGES, SIGNED_OUT_PAGES } from './pages';

// Named to run after the journeys (files run in name order, one worker): it audits the competitions
// they created and what it adds itself (an API token) cannot upset their counts.
// axe-core on every page, at a phone's and a desk's width, against WCAG 2.1 AA. Serious and critical
// violations fail the run; the rest are printed so they can be looked at.
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1440, height: 900 }
];

async function blockingViolations(page: Page, name: string): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	const describe = (list: typeof results.violations) =>
		list.map((violation) => `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')} ${node.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`);
	const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
	const minor = results.violations.filter((violation) => !blocking.includes(violation));
	if (minor.length > 0) console.log(`[axe] ${name} (not failing):\n${describe(minor).join('\n')}`);
	return describe(blocking);
}

async function audit(page: Page, name: string) {
	expect(await blockingViolations(page, name), `axe: serious or critical violations on ${name}`).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	await ensureSweepCompetition(browser);
});

test('the sweep fails on a serious violation (pale text, as text-stone-400 was)', async ({ page }) => {
	await page.goto('/login');
	await page.evaluate(() => {
		const pale = document.createElement('p');
		pale.style.color = '#a8a29e';
		pale.textContent = '第 1 版 /20';
		document.querySelector('main')!.append(pale);
	});
	expect((await blockingViolations(page, 'planted')).join('\n')).toContain('serious color-contrast');
});

test('controls are named by what they show and say which thing they act on', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/login');
	// The language button's name is the “English” it shows (WCAG 2.5.3), so voice control finds it.
	await expect(page.getByRole('button', { name: 'English', exact: true })).toBeVisible();
	await signIn(page);
	// On a phone only the initial shows, but the menu is still named after the person.
	await expect(page.getByTestId('user-menu')).toHaveAccessibleName(new RegExp(OWNER.displayName));
	await page.goto(`/orgs/${OWNER.organisationSlug}/api-tokens`);
	await page.locator('form[action="?/create"] input[name="name"]').fill('无障碍检查令牌');
	await page.locator('form[action="?/create"] button').click();
	await expect(page.getByTestId('new-api-token')).toBeVisible();
	await expect(page.getByRole('button', { name: '吊销：无障碍检查令牌', exact: true })).toBeVisible();
});

for (const size of SIZES) {
	test.describe(`axe-core at ${size.name} size`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });
		test.setTimeout(120_000);

		for (const target of SIGNED_OUT_PAGES)
			test(`${target.name} (signed out)`, async ({ page }) => {
				await openForSweep(page, target.path);
				await audit(page, `${target.name} (${size.name})`);
			});

		for (const target of SIGNED_IN_PAGES)
			test(target.name, async ({ page }) => {
				await signIn(page);
				await openForSweep(page, target.path);
				await audit(page, `${target.name} (${size.name})`);
			});

		test('a competition and the scheme editor of its first round', async ({ page }) => {
			await signIn(page);
			for (const target of await competitionPages(page)) {
				await openForSweep(page, target.path);
				await settle(page);
				await audit(page, `${target.name} (${size.name})`);
			}
		});

		for (const group of FEATURE_PAGE_GROUPS)
			test(`the ${group.name} pages of that competition`, async ({ page }) => {
				test.setTimeout(240_000);
				await signIn(page);
				for (const target of await group.pages(page)) {
					await openForSweep(page, target.path);
					await settle(page);
					await audit(page, `${target.name} (${size.name})`);
				}
			});

		test('the open user menu', async ({ page }) => {
			await signIn(page);
			await page.getByTestId('user-menu').click();
			await audit(page, `user menu (${size.name})`);
		});
	});
}
