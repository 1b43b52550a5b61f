import type { Db } from '../db/client';

export interface UserRow {
	id: string;
	email: string;
	displayName: string;
	locale: 'zh-CN' | 'en' | null;
	isPlatformAdmin: boolean;
}

export interface UserWithPasswordRow extends UserRow {
	passwordHash: string;
}

export async function getUserByEmail(db: Db, email: string): Promise<UserWithPasswordRow | undefined> {
	const [row] = await db<UserWithPasswordRow[]>`
		select id, email, display_name, locale, is_platform_admin, password_hash
		from app_user where lower(email) = lower(${email})`;
	return row;
}

export async function getUserPasswordHash(db: Db, userId: string): Promise<string | undefined> {
	const [row] = await db<{ passwordHash: string }[]>`select password_hash from app_user where id = ${userId}`;
	return row?.passwordHash;
}

export async function insertUser(
	db: Db,
	user: { email: string; displayName: string; passwordHash: string; locale: string | null; isPlatformAdmin: boolean }
): Promise<UserRow> {
	const [row] = await db<UserRow[]>`
		insert into app_user (email, display_name, password_hash, locale, is_platform_admin)
		values (${user.email.toLowerCase()}, ${user.displayName}, ${user.passwordHash}, ${user.locale}, ${user.isPlatformAdmin})
		returning id, email, display_name, locale, is_platform_admin`;
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
