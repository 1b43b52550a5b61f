import type { Db } from '../db/client';

export interface UserRow {
	id: string;
	/** Null for a contestant who signed up with a mobile number only. */
	email: string | null;
	/** A mainland mobile number the person signs in with (contestants); null for most staff. */
	phone: string | null;
	displayName: string;
	locale: 'zh-CN' | 'en' | null;
	isPlatformAdmin: boolean;
}

export interface UserWithPasswordRow extends UserRow {
	passwordHash: string;
}

export async function getUserByEmail(db: Db, email: string): Promise<UserWithPasswordRow | undefined> {
	const [row] = await db<UserWithPasswordRow[]>`
		select id, email, phone, display_name, locale, is_platform_admin, password_hash
		from app_user where lower(email) = lower(${email})`;
	return row;
}

/** The account signing in with this login: a mainland mobile number, or else an e-mail address. */
export async function getUserByLogin(db: Db, login: { phone: string } | { email: string }): Promise<UserWithPasswordRow | undefined> {
	if ('email' in login) return getUserByEmail(db, login.email);
	const [row] = await db<UserWithPasswordRow[]>`
		select id, email, phone, display_name, locale, is_platform_admin, password_hash
		from app_user where phone = ${login.phone}`;
	return row;
}

export async function getUserPasswordHash(db: Db, userId: string): Promise<string | undefined> {
	const [row] = await db<{ passwordHash: string }[]>`select password_hash from app_user where id = ${userId}`;
	return row?.passwordHash;
}

export async function insertUser(
	db: Db,
	user: { email: string | null; phone?: string | null; displayName: string; passwordHash: string; locale: string | null; isPlatformAdmin: boolean }
): Promise<UserRow> {
	const [row] = await db<UserRow[]>`
		insert into app_user (email, phone, display_name, password_hash, locale, is_platform_admin)
		values (${user.email?.toLowerCase() ?? null}, ${user.phone ?? null}, ${user.displayName}, ${user.passwordHash}, ${user.locale}, ${user.isPlatformAdmin})
		returning id, email, phone, display_name, locale, is_platform_admin`;
	return row!;
}

export async function updateUserPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
	await db`update app_user set password_hash = ${passwordHash} where id = ${userId}`;
}

export async function updateUserLocale(db: Db, userId: string, locale: string): Promise<void> {
	await db`update app_user set locale = ${locale} where id = ${userId}`;
}

export async function countUsers(db: Db): Promise<number> {
	const [row] = await db<{ count: number }[]>`select count(*)::int as count from app_user`;
	return row!.count;
}
