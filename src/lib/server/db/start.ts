import { randomBytes } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { dev } from '$app/environment';
import { closeDb, connectDb, type Sql } from './client';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { EMBEDDED_RUNTIME_ROLE, ensureRuntimeRole, grantRuntimePrivileges, inspectRuntimeRole } from './roles';
import { onShutdown } from '../runtime.js';

export interface DatabaseConfig {
	/** An external server, as the app's own (runtime) role; when absent an embedded PostgreSQL is started. */
	url?: string;
	/** The same database as the role that owns the tables; migrations and grants run as it. Defaults to `url`. */
	migrationUrl?: string;
	dataDir: string;
	port: number;
	/** Refuse to run as a role that could rewrite the audit log (the built server), rather than only warn. */
	refusePrivilegedRole: boolean;
}

export function readDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
	return {
		url: env.DATABASE_URL || undefined,
		migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
		dataDir: path.resolve(env.JIANGXIN_DATA_DIR || 'data/postgres'),
		port: Number(env.JIANGXIN_PG_PORT || 54320),
		refusePrivilegedRole: !dev && env.JIANGXIN_ALLOW_PRIVILEGED_DB_ROLE !== '1'
	};
}

const KEY = Symbol.for('jiangxin.db.started');
const holder = globalThis as unknown as Record<symbol, Promise<Sql> | undefined>;
const URL_KEY = Symbol.for('jiangxin.db.runtimeUrl');
const urlHolder = globalThis as unknown as Record<symbol, string | undefined>;

/** The URL the app's pool connects with (the runtime role); other connections of the app (socket.io's adapter) use it too. */
export function runtimeDatabaseUrl(): string | undefined {
	return urlHolder[URL_KEY];
}

/**
 * Connects (starting the embedded server when no URL is given), applies pending migrations as the
 * owner, grants the app's role what it needs and registers a clean stop. The app's pool uses the
 * runtime role, which cannot change or remove audit rows. Idempotent per process, so Vite's dev
 * reloads do not start a second server.
 */
export function startDatabase(config: DatabaseConfig): Promise<Sql> {
	holder[KEY] ??= (async () => {
		let ownerUrl = config.migrationUrl ?? config.url;
		let runtimeUrl = config.url;
		const owner = () => postgres(ownerUrl!, { max: 1, onnotice: () => {}, connection: { application_name: 'jiangxin-migrate' } });
		if (!config.url) {
			const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.port });
			onShutdown(() => embedded.stop());
			ownerUrl = embedded.url;
			const bootstrap = owner();
			// A fresh password each start: the role is only ever used by this process.
			runtimeUrl = await ensureRuntimeRole(bootstrap, ownerUrl, EMBEDDED_RUNTIME_ROLE, randomBytes(18).toString('base64url'));
			await bootstrap.end();
		}
		const migrator = owner();
		try {
			const applied = await runMigrations(migrator);
			if (applied.length > 0) console.info(`[jiangxin] applied migrations: ${applied.join(', ')}`);
			const sql = connectDb(runtimeUrl!);
			urlHolder[URL_KEY] = runtimeUrl;
			onShutdown(() => closeDb());
			if (ownerUrl !== runtimeUrl) {
				const [row] = await sql<{ role: string }[]>`select current_user as role`;
				await grantRuntimePrivileges(migrator, row!.role);
			}
			await checkRuntimeRole(sql, config);
			return sql;
		} finally {
			await migrator.end();
		}
	})();
	return holder[KEY];
}

async function checkRuntimeRole(sql: Sql, config: DatabaseConfig): Promise<void> {
	const { role, problems } = await inspectRuntimeRole(sql);
	if (problems.length === 0) return;
	const message =
		`The app's database role "${role}" (DATABASE_URL) ${problems.join(', ')}, so the app could rewrite or erase the audit log. ` +
		`Give the app a login role of its own with no other rights as DATABASE_URL, and the role that owns the tables as ` +
		`DATABASE_MIGRATION_URL (README, "An external PostgreSQL"); start-up grants the rest.`;
	if (config.refusePrivilegedRole) throw new Error(`${message} To start anyway, set JIANGXIN_ALLOW_PRIVILEGED_DB_ROLE=1.`);
	console.warn(`[jiangxin] warning: ${message}`);
}
