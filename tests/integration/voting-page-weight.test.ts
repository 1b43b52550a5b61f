import { describe, expect, it } from 'vitest';
import { routeJavaScript, VOTE_ROUTE_ID } from '../fixtures/page-weight';

// The voting page opens from a WeChat share on weak phone networks: at most 60 KB of gzipped
// JavaScript, the ALTCHA widget included (the global setup has just built the app).

describe('the public voting page’s weight', () => {
	it('loads at most 60 KB of gzipped JavaScript, the proof-of-work widget included', () => {
		const { files, gzipBytes } = routeJavaScript(VOTE_ROUTE_ID);
		expect(files.some((file) => /altcha|external/i.test(file)) || files.length > 3).toBe(true);
		expect(gzipBytes / 1024).toBeLessThanOrEqual(60);
	});

	it('counts more for a heavier page (the measure is not blind)', () => {
		expect(routeJavaScript('/(app)/orgs/[org=slug]/competitions/[competition=uuid]/rounds/[round=uuid]/scheme').gzipBytes).toBeGreaterThan(routeJavaScript(VOTE_ROUTE_ID).gzipBytes / 2);
	});
});
