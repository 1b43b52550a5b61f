/**
 * `npm run demo`: creates the example organisation (slug `demo`) in the database `npm start` uses —
 * the embedded PostgreSQL in data/postgres (JIANGXIN_DATA_DIR, JIANGXIN_PG_PORT), or DATABASE_URL
 * (with DATABASE_MIGRATION_URL for migrations when the app's role may not run them). When `npm start`
 * is already running the embedded server, the demo uses that server instead of starting its own.
 * Prints the owner's e-mail and password. Running it again says the demo exists and changes nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { closeDb, connectDb, db } from '../db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { hashPassword } from '../auth/password';
import { countUsers, getUserByEmail, insertUser, updateUserPasswordHash } from '../auth/user-queries';
import { buildDemo, DEMO_SLUG } from './build-demo';

const OWNER_EMAIL = process.env.DEMO_OWNER_EMAIL || 'owner@demo.example';
const OWNER_NAME = '示例管理员';

/** The embedded server of `npm start` answers with the cluster owner's fixed local credentials. */
async function runningEmbedded(url: string): Promise<boolean> {
	const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
	try {
		await probe`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await probe.end({ timeout: 1 });
	}
}

async function openDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
	if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
	const port = Number(process.env.JIANGXIN_PG_PORT || 54320);
	const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${port}/postgres`;
	if (await runningEmbedded(url)) return { url };
	const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(process.env.JIANGXIN_DATA_DIR || 'data/postgres'), port });
	return { url: embedded.url, embedded };
}

async function main(): Promise<number> {
	const { url, embedded } = await openDatabase();
	try {
		const migrator = postgres(process.env.DATABASE_MIGRATION_URL || url, { max: 1, onnotice: () => {} });
		try {
			const applied = await runMigrations(migrator);
			if (applied.length > 0) console.info(`[demo] applied migrations: ${applied.join(', ')}`);
		} finally {
			await migrator.end();
		}
		connectDb(url, { max: 4 });
		const existing = await db()`select 1 from organisation where slug = ${DEMO_SLUG}`;
		if (existing.length > 0) {
			console.info(`示例主办单位已存在：/orgs/${DEMO_SLUG}（未做任何改动）。\nThe example organisation exists already: /orgs/${DEMO_SLUG} (nothing changed). Sign in as ${OWNER_EMAIL}.`);
			return 0;
		}
		const password = randomBytes(9).toString('base64url');
		const passwordHash = await hashPassword(password);
		const found = await getUserByEmail(db(), OWNER_EMAIL);
		// On a fresh platform this is the first account, which also replaces the set-up page: it may open organisations.
		const firstAccount = (await countUsers(db())) === 0;
		const user = found ?? (await insertUser(db(), { email: OWNER_EMAIL, displayName: OWNER_NAME, passwordHash, locale: 'zh-CN', isPlatformAdmin: firstAccount }));
		if (found) await updateUserPasswordHash(db(), found.id, passwordHash);
		console.info('正在创建示例主办单位（约十秒）… / Building the example organisation (about ten seconds)…');
		const outcome = await buildDemo({ user, ip: null, requestId: randomUUID() }, DEMO_SLUG);
		if (!outcome.created) {
			console.info(`示例主办单位已存在 / exists already: /orgs/${DEMO_SLUG}`);
			return 0;
		}
		console.info(
			[
				`示例主办单位已创建 / The example organisation is ready (${(outcome.ms / 1000).toFixed(1)} s): /orgs/${DEMO_SLUG}`,
				`  工匠评选（公示中）/ craftsman award (on notice): /c/${DEMO_SLUG}-craftsman-2026`,
				`  技能竞赛（已终定，已发证书）/ skills contest (final, certificates issued): /c/${DEMO_SLUG}-contest-2026`,
				`  登录 / sign in: ${OWNER_EMAIL}`,
				`  密码 / password: ${password}`,
				...(firstAccount ? ['  这是平台的第一个账号，也是平台管理员，可创建您自己的主办单位。/ The first account on this platform: a platform admin, who can open your own organisation.'] : [])
			].join('\n')
		);
		return 0;
	} finally {
		await closeDb();
		await embedded?.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`[demo] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exit(1);
	}
);
