import { rm } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { ensureRuntimeRole } from '../../src/lib/server/db/roles';
import { startAppServer } from './app-server';
import { ensureBuilt } from '../../scripts/build.mjs';

// One PostgreSQL for the whole run: embedded on its own port and data directory (wiped first),
// or TEST_DATABASE_URL. Each test makes its own organisations, so tests never share data.
let embedded: EmbeddedDatabase | undefined;
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;

export async function setup(project: TestProject) {
	let url = process.env.TEST_DATABASE_URL;
	if (!url) {
		const dataDir = path.resolve('data/test-postgres');
		await rm(dataDir, { recursive: true, force: true });
		embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT || 54329) });
		url = embedded.url;
	}
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	await runMigrations(sql);
	// As an operator with an external server does: a login role with no rights for the app, the
	// owner for migrations; the app's start-up grants the runtime role what it needs.
	const appDatabaseUrl = await ensureRuntimeRole(sql, url, 'jiangxin_app_test', 'jiangxin-app-test');
	await sql.end();
	// The real server for HTTP and socket.io tests. Built first, so that a slow build on a loaded
	// machine does not eat into the server's start-up deadline.
	if (!(await ensureBuilt('integration tests'))) throw new Error('The build failed; see the messages above.');
	// The vote review job stays off: tests insert votes and run detection themselves (no run between a test's steps).
	app = await startAppServer(appDatabaseUrl, { DATABASE_MIGRATION_URL: url, JIANGXIN_VOTE_REVIEW_INTERVAL_S: '0' });
	project.provide('databaseUrl', url);
	project.provide('appDatabaseUrl', appDatabaseUrl);
	project.provide('appUrl', app.url);
}

export async function teardown() {
	await app?.stop();
	await embedded?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** The owner: tests' own helper connection. */
		databaseUrl: string;
		/** Exactly the role and credentials the app server connects with. */
		appDatabaseUrl: string;
		appUrl: string;
	}
}
