import { describe, expect, inject, it } from 'vitest';
import { newOrg } from '../fixtures/factories';
import { seedVoteRound } from '../fixtures/voting';
import { pageScripts } from '../fixtures/page-weight';

// The voting page opens from a WeChat share on weak phone networks: at most 60 KB of gzipped
// JavaScript, the ALTCHA widget included, measured on the page the built server sends.

describe('the public voting page’s weight', () => {
	it('loads at most 60 KB of gzipped JavaScript, the proof-of-work widget included, and is readable without it', async () => {
		const owner = await newOrg();
		const round = await seedVoteRound(owner, { policy: { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 3600_000) } });
		const response = await fetch(`${inject('appUrl')}/c/${round.slug}/vote/${round.roundId}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		// Server-rendered: every candidate's name is in the HTML itself.
		for (const entry of round.entries) expect(html).toContain(entry.name);
		const scripts = pageScripts(html);
		expect(scripts.some((script) => script.path.includes('altcha'))).toBe(true);
		const total = scripts.reduce((sum, script) => sum + script.gzipKb, 0);
		expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(60);
		// The measure is not blind: the widget itself is most of it, and a page with SvelteKit's client loads scripts too.
		expect(scripts.find((script) => script.path.includes('altcha'))!.gzipKb).toBeGreaterThan(20);
		const login = pageScripts(await (await fetch(`${inject('appUrl')}/login`)).text());
		expect(login.reduce((sum, script) => sum + script.gzipKb, 0)).toBeGreaterThan(1);
		console.info(`voting page JavaScript: ${total.toFixed(1)} KB gzip`, scripts);
	});
});
