import { describe, expect, inject, it } from 'vitest';
import { startAppServer } from './app-server';

describe("the server's log", () => {
	it("records a client's bad request as one line, without a stack trace", async () => {
		const app = await startAppServer(inject('appDatabaseUrl'), { DATABASE_MIGRATION_URL: inject('databaseUrl') });
		try {
			// A form post to a page without actions: SvelteKit answers 405 through handleError.
			const response = await fetch(`${app.url}/api/v1/docs`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
				body: 'a=1'
			});
			expect(response.status).toBe(405);
			await new Promise((resolve) => setTimeout(resolve, 300));
			const lines = app.output().split('\n').filter((line) => line.includes('/api/v1/docs'));
			expect(lines).toEqual([expect.stringMatching(/POST \/api\/v1\/docs → 405 /)]);
			expect(app.output()).not.toMatch(/^\s+at /m);
		} finally {
			await app.stop();
		}
	}, 60_000);
});
