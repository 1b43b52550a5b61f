import type { Db } from '../db/client';

export type NotificationKind = 'appeal_filed' | 'appeal_decided' | 'appeal_rescored';

export interface NotificationRow {
	id: string;
	kind: NotificationKind;
	params: Record<string, string | number>;
	link: string;
	readAt: Date | null;
	createdAt: Date;
}

export async function insertNotifications(db: Db, organisationId: string, userIds: string[], kind: NotificationKind, params: Record<string, string | number>, link: string): Promise<void> {
	const unique = [...new Set(userIds)];
	if (unique.length === 0) return;
	await db`
		insert into notification (organisation_id, user_id, kind, params, link)
		select ${organisationId}, u, ${kind}, ${db.json(params)}, ${link} from unnest(${unique}::uuid[]) as u`;
}

/** One person's notifications, newest first (whatever organisation they came from: they are theirs). */
export function listNotificationsOfUser(db: Db, userId: string, limit = 50): Promise<NotificationRow[]> {
	return db<NotificationRow[]>`
		select id, kind, params, link, read_at, created_at from notification where user_id = ${userId} order by created_at desc, id limit ${limit}`;
}

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
	const [row] = await db<{ count: number }[]>`select count(*)::int as count from notification where user_id = ${userId} and read_at is null`;
	return row!.count;
}

export async function markNotificationsRead(db: Db, userId: string): Promise<void> {
	await db`update notification set read_at = now() where user_id = ${userId} and read_at is null`;
}
