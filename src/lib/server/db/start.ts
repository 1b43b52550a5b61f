import path from 'node:path';
import { closeDb, connectDb, type Sql } from './client';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { onShutdown } from '../runtime.js';

export interface DatabaseConfig {
	/** An external server; when absent an embedded PostgreSQL is started. */
	url?: string;
	dataDir: string;
	port: number;
}

export function readDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
	return {
		url: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.JIANGXIN_DATA_DIR || 'data/postgres'),
		port: Number(env.JIANGXIN_PG_PORT || 54320)
	};
}

const KEY = Symbol.for('jiangxin.db.started');
const holder = globalThis as unknown as Record<symbol, Promise<Sql> | undefined>;

/**
 * Connects (starting the embedded server when no URL is given), applies pending migrations and
 * registers a clean stop. Idempotent per process, so Vite's dev reloads do not start a second server.
 */
export function startDatabase(config: DatabaseConfig): Promise<Sql> {
	holder[KEY] ??= (async () => {
		let url = config.url;
		if (!url) {
			const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.port });
			onShutdown(() => embedded.stop());
			url = embedded.url;
		}
		const sql = connectDb(url);
		onShutdown(() => closeDb());
		const applied = await runMigrations(sql);
		if (applied.length > 0) console.info(`[jiangxin] applied migrations: ${applied.join(', ')}`);
		return sql;
	})();
	return holder[KEY];
}
