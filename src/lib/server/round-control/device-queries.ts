import type { Db } from '../db/client';

export interface PanelDeviceRow {
	id: string;
	judgeId: string;
	judgeName: string;
	sessionId: string | null;
	userAgent: string;
	appVersion: string;
	outboxSize: number;
	clockSkewMs: number | null;
	lastSeenAt: Date | null;
	revokedAt: Date | null;
	revokedByName: string | null;
	createdAt: Date;
}

const DEVICE_SELECT = `d.id, d.judge_id, j.name as judge_name, d.session_id, d.user_agent, d.app_version, d.outbox_size, d.clock_skew_ms,
	d.last_seen_at, d.revoked_at, u.display_name as revoked_by_name, d.created_at`;
const DEVICE_FROM = `judge_device d join judge j on j.id = d.judge_id and j.organisation_id = d.organisation_id
	left join app_user u on u.id = d.revoked_by`;

/** The tablets of every judge on the round's panel, most recently seen first. */
export function listPanelDevices(db: Db, organisationId: string, roundId: string): Promise<PanelDeviceRow[]> {
	return db<PanelDeviceRow[]>`
		select ${db.unsafe(DEVICE_SELECT)} from ${db.unsafe(DEVICE_FROM)}
		where d.organisation_id = ${organisationId}
			and d.judge_id in (select judge_id from panel_member where organisation_id = ${organisationId} and round_id = ${roundId})
		order by d.revoked_at nulls first, d.last_seen_at desc nulls last, d.created_at desc`;
}

export async function getDeviceForUpdate(db: Db, organisationId: string, deviceId: string): Promise<PanelDeviceRow | undefined> {
	const [row] = await db<PanelDeviceRow[]>`
		select ${db.unsafe(DEVICE_SELECT)} from ${db.unsafe(DEVICE_FROM)}
		where d.organisation_id = ${organisationId} and d.id = ${deviceId} for update of d`;
	return row;
}

/** The rounds whose panel the device's judge sits on (who may revoke it). */
export async function listRoundsOfDevice(db: Db, organisationId: string, deviceId: string): Promise<string[]> {
	const rows = await db<{ roundId: string }[]>`
		select p.round_id from panel_member p join judge_device d on d.judge_id = p.judge_id and d.organisation_id = p.organisation_id
		where d.organisation_id = ${organisationId} and d.id = ${deviceId}`;
	return rows.map((row) => row.roundId);
}

export async function markDeviceRevoked(db: Db, organisationId: string, deviceId: string, userId: string): Promise<void> {
	await db`update judge_device set revoked_at = now(), revoked_by = ${userId} where organisation_id = ${organisationId} and id = ${deviceId} and revoked_at is null`;
}
