import { db } from '../db/client';
import type { Actor } from '../auth/actor';
import { countUnreadNotifications, listNotificationsOfUser, markNotificationsRead, type NotificationRow } from './notification-queries';

/** The signed-in person's notifications, newest first; opening the list marks them read. */
export async function openNotifications(actor: Actor): Promise<NotificationRow[]> {
	const rows = await listNotificationsOfUser(db(), actor.user.id);
	await markNotificationsRead(db(), actor.user.id);
	return rows;
}

export function unreadNotificationCount(actor: Actor): Promise<number> {
	return countUnreadNotifications(db(), actor.user.id);
}
