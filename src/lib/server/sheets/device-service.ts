import type { Db } from '../db/client';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import * as devices from './device-queries';

// A judge's tablet is the judge_device row bound to its session. Signing in with a code makes it
// (access-service.ts); a judge signed in another way gets one on the session's first judging call.

/**
 * The session's device for this judge, made when missing; refused when the head judge revoked it.
 * `sessionDevices` (the session's devices, read with other things) saves looking it up again.
 */
export async function deviceFor(conn: Db, organisationId: string, judgeId: string, sessionId: string, userAgent: string, sessionDevices?: devices.DeviceRow[]): Promise<string> {
	const found = sessionDevices
		? sessionDevices.findLast((device) => device.organisationId === organisationId && device.judgeId === judgeId)
		: await devices.findDeviceOfSession(conn, organisationId, judgeId, sessionId);
	if (found?.revokedAt) throw new DomainError('device_revoked');
	return (found ?? (await devices.insertDevice(conn, organisationId, { judgeId, sessionId, userAgent }))).id;
}

/**
 * A tablet's heartbeat: records its outbox, app version and clock skew on every device of the
 * session (making them for a judge in a competition now judging), and says whether it may go on.
 */
export async function heartbeat(
	userId: string,
	sessionId: string,
	report: { outboxSize: number; appVersion: string; clientTime: string; userAgent: string },
	now = new Date()
): Promise<{ serverTime: string; revoked: boolean }> {
	const serverTime = now.toISOString();
	if (!(await devices.isSessionLive(db(), sessionId))) return { serverTime, revoked: true };
	const existing = await devices.listDevicesOfSession(db(), sessionId);
	if (existing.some((device) => device.revokedAt)) return { serverTime, revoked: true };
	for (const row of await devices.listJudgingJudgeRowsOfUser(db(), userId)) {
		if (!existing.some((device) => device.judgeId === row.judgeId)) await deviceFor(db(), row.organisationId, row.judgeId, sessionId, report.userAgent);
	}
	const skew = new Date(report.clientTime).getTime() - now.getTime();
	const clockSkewMs = Math.max(-2_000_000_000, Math.min(2_000_000_000, skew));
	await devices.recordHeartbeat(db(), sessionId, { outboxSize: report.outboxSize, appVersion: report.appVersion, clockSkewMs, userAgent: report.userAgent });
	return { serverTime, revoked: false };
}
