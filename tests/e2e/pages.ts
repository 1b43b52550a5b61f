import { expect, type Browser, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { createContest } from './contest-steps';
import { competitionIdOf, seatAsJudge, seedCompetitionStatus, seedEncryptionJudge, seedScreeningEntries } from './seed';
import { votePages } from './vote-seed';
import { noticePages } from './notice-seed';
import { ensureCertificates, REVOKED_CODE, VALID_CODE } from './certificate-seed';
import { ensureRecommendation } from './recommend-seed';

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
	// The judge's own page: the owner is the encryption judge of the sweeps' competition (ensureSweepCompetition).
	{ name: 'judge-home', path: '/judge' },
	{ name: 'my-entries', path: '/my/entries' },
	{ name: 'my-notifications', path: '/my/notifications' },
	// Last: the CSP sweep opens the docs' details after the loop.
	{ name: 'api-docs', path: '/api/v1/docs' }
];

/** The competition registration.e2e.ts opens for registration. */
export const REGISTRATION_SLUG = 'e2e-register';

/**
 * The sweeps' own public competition, open for registration with a few entries: the sweeps make it
 * themselves (ensureSweepCompetition), so they do not depend on which journeys ran before them.
 */
export const SWEEP_SLUG = 'sweep-public';
const SWEEP_TITLE = '无障碍检查技能竞赛';

export const SIGNED_OUT_PAGES = [
	{ name: 'login', path: '/login' },
	{ name: 'signup', path: `/signup/${OWNER.organisationSlug}` },
	{ name: 'judge-sign-in', path: '/judge/sign-in' },
	// Where a tablet the head judge revoked lands (issue 15): the same page, saying so.
	{ name: 'judge-sign-in-revoked', path: '/judge/sign-in?revoked=1' },
	// Public pages (no sign-in): the sweeps' own competition (ensureSweepCompetition), and its contestant sign-up.
	{ name: 'public-competition', path: `/c/${SWEEP_SLUG}` },
	{ name: 'contestant-signup', path: `/c/${SWEEP_SLUG}/signup` },
	// The live board (issue 15) of that competition: not being judged, so it says so.
	{ name: 'live-board', path: `/live/${SWEEP_SLUG}` }
];

/** Creates the sweeps' public competition once (as the owner, in a page of its own) unless it exists. */
export async function ensureSweepCompetition(browser: Browser): Promise<void> {
	const page = await browser.newPage({ locale: 'zh-CN' });
	try {
		if ((await page.request.get(`/c/${SWEEP_SLUG}`)).status() !== 404) return;
		await signIn(page);
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'zh-CN', url: new URL(page.url()).origin }]);
		const competitionId = competitionIdOf(await createContest(page, SWEEP_TITLE, SWEEP_SLUG, '钳工'));
		await seedScreeningEntries(competitionId, 3);
		await seedEncryptionJudge(competitionId, OWNER.email);
		await seedCompetitionStatus(competitionId, 'registration');
	} finally {
		await page.close();
	}
}

/** Opens a page for a sweep and fails when it is not there (a screenshot of a 404 checks nothing). */
export async function openForSweep(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status() ?? 0, `${path} answers`).toBeLessThan(400);
}

/**
 * Lets a page finish loading its lazy parts before it is audited or photographed. Bounded: a page that
 * keeps a request going (the voting page's proof, once in CI) is audited as it stands after 15 s instead
 * of failing the sweep on a wait that has nothing to do with what is checked.
 */
export async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => console.log(`[settle] ${page.url()} still busy after 15 s; checked as it stands`));
}

/** The sweeps' competition and the scheme editor of its first round. */
export async function competitionPages(page: Page): Promise<{ name: string; path: string }[]> {
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const own = page.getByTestId('competition-list').getByRole('link', { name: SWEEP_TITLE }).first();
	await expect(own, 'the sweeps make their own competition first (ensureSweepCompetition)').toBeVisible();
	const competition = (await own.getAttribute('href'))!;
	await page.goto(competition);
	const scheme = page.locator('a[href$="/scheme"]').first();
	await expect(scheme).toBeAttached();
	const schemePath = (await scheme.getAttribute('href'))!;
	return [
		{ name: 'competition', path: competition },
		{ name: 'scheme-editor', path: schemePath }
	];
}

/** Registration (issue 14): the organiser's settings, and the form of the sweeps' public competition. */
export async function registrationPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition] = await competitionPages(page);
	await openForSweep(page, `/c/${SWEEP_SLUG}`);
	const register = page.getByTestId('register-link').first();
	await expect(register, 'the sweeps’ competition is open for registration').toBeAttached();
	return [
		{ name: 'registration-settings', path: `${competition!.path}/registration` },
		{ name: 'registration-form', path: (await register.getAttribute('href'))! }
	];
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

/**
 * Judges (issue 14) of that competition: roster, printable sign-in cards, the first round's panel and
 * conflicts; and that round as its encryption judge (the owner) sees it under /judge, with its draw.
 */
export async function judgePages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition, scheme] = await competitionPages(page);
	const roundId = /\/rounds\/([0-9a-f-]{36})\//.exec(scheme!.path)![1];
	return [
		{ name: 'judges', path: `${competition!.path}/judges` },
		{ name: 'judge-cards', path: `${competition!.path}/judges/cards` },
		{ name: 'judge-panel', path: `${competition!.path}/judges/rounds/${roundId}` },
		{ name: 'judge-round', path: `/judge/rounds/${roundId}` },
		{ name: 'judge-draw', path: `/judge/rounds/${roundId}/draw` }
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

/** Entries (issue 14) of that competition: the list, an entry (the sweep seeds three), the union-list import. */
export async function entryPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition] = await competitionPages(page);
	await page.goto(`${competition!.path}/entries`);
	const entry = page.locator('a[href*="/entries/"]:not([href$="/import"])').first();
	await expect(entry, 'the sweeps’ competition has entries').toBeAttached();
	return [
		{ name: 'entries', path: `${competition!.path}/entries` },
		{ name: 'entry', path: (await entry.getAttribute('href'))! },
		{ name: 'entries-import', path: `${competition!.path}/entries/import` }
	];
}

/** The head judge's desk (issue 15, panel part) for that competition's first round: entered values, deduction counts, finish times, paper sheets. */
export async function enteredPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [, scheme] = await competitionPages(page);
	const round = scheme!.path.replace(/\/scheme$/, '');
	return [
		{ name: 'entered-values', path: `${round}/entered` },
		{ name: 'deduction-counts', path: `${round}/deductions` },
		{ name: 'finish-times', path: `${round}/finish-times` },
		{ name: 'paper-sheets', path: `${round}/paper` }
	];
}

/** The live board (issue 15): the organiser's settings of that competition. */
export async function boardPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [competition] = await competitionPages(page);
	return [{ name: 'board-settings', path: `${competition!.path}/board` }];
}

/**
 * The judge's tablet (issue 15): the round's scoring queue. The owner is seated as a scoring judge of the
 * sample competition's first round for it (the queue is the page of a judge on the panel).
 */
export async function tabletPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [, scheme] = await competitionPages(page);
	const roundId = /\/rounds\/([0-9a-f-]{36})\//.exec(scheme!.path)![1]!;
	await seatAsJudge(OWNER.email, roundId);
	return [{ name: 'judge-round', path: `/judge/rounds/${roundId}` }];
}

/** The organisers' review of public votes (issue 16, rigging part) of that competition's first round (no votes: the empty state). */
export async function voteReviewPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [, scheme] = await competitionPages(page);
	return [{ name: 'vote-review', path: scheme!.path.replace(/\/scheme$/, '/vote-review') }];
}

/** The organiser's review of a round's results (issue 17, results part) of that competition's first round (not signed off: the empty state; results-review.e2e.ts covers a ranking). */
export async function resultsPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [, scheme] = await competitionPages(page);
	return [{ name: 'round-results', path: scheme!.path.replace(/\/scheme$/, '/results') }];
}

/** Certificates (issue 17): the organiser's list and template, and both public verification pages. */
export async function certificatePages(page: Page): Promise<{ name: string; path: string }[]> {
	await ensureSweepCompetition(page.context().browser()!);
	const { competitionId } = await ensureCertificates(SWEEP_SLUG);
	const base = `/orgs/${OWNER.organisationSlug}/competitions/${competitionId}/certificates`;
	return [
		{ name: 'certificates', path: base },
		{ name: 'certificate-template', path: `${base}/template` },
		{ name: 'verify-valid', path: `/verify/${VALID_CODE}` },
		{ name: 'verify-revoked', path: `/verify/${REVOKED_CODE}` }
	];
}

/** Upward recommendation (issue 17): the county's invitations and one invitation with its winners, and a competition's quota page (empty). */
export async function recommendPages(): Promise<{ name: string; path: string }[]> {
	const { quotaId, sourceCompetitionId } = await ensureRecommendation();
	return [
		{ name: 'nomination-invitations', path: `/orgs/${OWNER.organisationSlug}/nominations` },
		{ name: 'nomination-invitation', path: `/orgs/${OWNER.organisationSlug}/nominations/${quotaId}` },
		{ name: 'nomination-quotas', path: `/orgs/${OWNER.organisationSlug}/competitions/${sourceCompetitionId}/nominations` }
	];
}

/** The results analysis (issue 17, Excel part) of that competition's first round: histogram and judges' leniency, charts with tables. */
export async function resultsAnalysisPages(page: Page): Promise<{ name: string; path: string }[]> {
	const [, scheme] = await competitionPages(page);
	return [{ name: 'results-analysis', path: scheme!.path.replace(/\/scheme$/, '/analysis') }];
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
	{ name: 'entered', pages: enteredPages },
	{ name: 'board', pages: boardPages },
	{ name: 'tablet', pages: tabletPages },
	{ name: 'round-control', pages: roundControlPages },
	{ name: 'vote-review', pages: voteReviewPages },
	{ name: 'results', pages: resultsPages },
	{ name: 'results-analysis', pages: resultsAnalysisPages },
	// Public voting (issue 16, vote part): the organiser's settings and the public voting page.
	{ name: 'voting', pages: votePages },
	{ name: 'notice', pages: noticePages },
	// Certificates (issue 17): the organiser's list and template, the public verification (valid, revoked).
	{ name: 'certificates', pages: certificatePages },
	// Upward recommendation (issue 17): the county's invitations, an invitation, a competition's quotas.
	{ name: 'recommend', pages: recommendPages }
];
