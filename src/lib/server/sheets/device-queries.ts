import type { Db } from '../db/client';

// The tablets judges score on (judge_device), each bound to the session it signed in with. A device
// is found from its session, which only its holder knows, so look-ups by session cross no boundary.

export interface DeviceRow {
	id: string;
	organisationId: string;
	judgeId: string;
	revokedAt: Date | null;
}

/** The device the session holds for this judge (revoked or not), if it has one. */
export async function findDeviceOfSession(db: Db, organisationId: string, judgeId: string, sessionId: string): Promise<DeviceRow | undefined> {
	const [row] = await db<DeviceRow[]>`
		select id, organisation_id, judge_id, revoked_at from judge_device
		where organisation_id = ${organisationId} and judge_id = ${judgeId} and session_id = ${sessionId}
		order by created_at desc limit 1`;
	return row;
}

export async function insertDevice(db: Db, organisationId: string, input: { judgeId: string; sessionId: string; userAgent: string }): Promise<DeviceRow> {
	const [row] = await db<DeviceRow[]>`
		insert into judge_device (organisation_id, judge_id, session_id, user_agent, last_seen_at)
		values (${organisationId}, ${input.judgeId}, ${input.sessionId}, ${input.userAgent.slice(0, 500)}, now())
		returning id, organisation_id, judge_id, revoked_at`;
	return row!;
}

/** Every device bound to the session (one per judge row of its person that scored on it). */
export function listDevicesOfSession(db: Db, sessionId: string): Promise<DeviceRow[]> {
	return db<DeviceRow[]>`select id, organisation_id, judge_id, revoked_at from judge_device where session_id = ${sessionId} order by created_at`;
}

/** What the tablet reported: its outbox, app version and clock, and when it was last heard from. */
export async function recordHeartbeat(db: Db, sessionId: string, report: { outboxSize: number; appVersion: string; clockSkewMs: number; userAgent: string }): Promise<void> {
	await db`
		update judge_device set outbox_size = ${report.outboxSize}, app_version = ${report.appVersion}, clock_skew_ms = ${report.clockSkewMs},
			user_agent = ${report.userAgent.slice(0, 500)}, last_seen_at = now()
		where session_id = ${sessionId} and revoked_at is null`;
}

/** Whether the session still exists and has not expired; `share` keeps a revoke (which deletes it) waiting until the transaction ends. */
export async function isSessionLive(db: Db, sessionId: string, share = false): Promise<boolean> {
	const rows = await db`select 1 from session where id = ${sessionId} and expires_at > now() ${share ? db`for share` : db``}`;
	return rows.length > 0;
}

/** The person's judge rows in competitions now judging: the rounds a tablet session may score. */
export function listJudgingJudgeRowsOfUser(db: Db, userId: string): Promise<{ judgeId: string; organisationId: string }[]> {
	return db`
		select j.id as judge_id, j.organisation_id from judge j
		join competition c on c.id = j.competition_id and c.organisation_id = j.organisation_id
		where j.user_id = ${userId} and c.status = 'judging'` as never;
}

/** Every judge row of the person: their devices join `judge:<id>` to hear about their own sheets. */
export async function listJudgeIdsOfUser(db: Db, userId: string): Promise<string[]> {
	const rows = await db<{ id: string }[]>`select id from judge where user_id = ${userId}`;
	return rows.map((row) => row.id);
}
