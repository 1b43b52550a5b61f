import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { invalidateSession } from '../auth/session';
import { getSocketServer } from '../realtime/io';
import { announceRoundChange } from '../realtime/round-changes';
import type { ApiCaller } from '../http/api';
import { listSeatsOfUser } from '../judging/seat-queries';
import { controlForApi, type RoundControl } from './access';
import type { DeviceView } from '$lib/domain/round-control/views';

export type { DeviceView } from '$lib/domain/round-control/views';
import { getDeviceForUpdate, listPanelDevices, listRoundsOfDevice, markDeviceRevoked, type PanelDeviceRow } from './device-queries';

function toView(row: PanelDeviceRow): DeviceView {
	return {
		id: row.id,
		judgeId: row.judgeId,
		judgeName: row.judgeName,
		userAgent: row.userAgent,
		appVersion: row.appVersion,
		outboxSize: row.outboxSize,
		clockSkewMs: row.clockSkewMs,
		lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
		revokedAt: row.revokedAt?.toISOString() ?? null,
		revokedByName: row.revokedByName,
		isSignedIn: row.sessionId !== null && row.revokedAt === null
	};
}

/** Every tablet of the round's panel: its judge, last heartbeat, reported outbox, clock skew, app version. */
export async function listRoundDevices(control: RoundControl): Promise<DeviceView[]> {
	return (await listPanelDevices(db(), control.organisationId, control.round.id)).map(toView);
}

/**
 * Revokes a tablet: marks it revoked, deletes its session (so neither HTTP nor a new socket accepts
 * it), audits, then tells the judge's devices and disconnects the sockets of that session.
 * `allowed` says whether the caller may revoke this device (it sits on their round's panel).
 */
async function revoke(actor: Actor, organisationId: string, deviceId: string, allowed: (deviceId: string) => Promise<boolean>): Promise<DeviceView> {
	const revoked = await db().begin(async (tx) => {
		const device = await getDeviceForUpdate(tx, organisationId, deviceId);
		if (!device || !(await allowed(deviceId))) throw new DomainError('not_found');
		if (device.revokedAt) throw new DomainError('device_already_revoked');
		await markDeviceRevoked(tx, organisationId, deviceId, actor.user.id);
		if (device.sessionId) await invalidateSession(tx, device.sessionId);
		await recordAudit(
			tx,
			actor,
			{
				action: 'device.revoked',
				subjectType: 'judge_device',
				subjectId: deviceId,
				subjectLabel: [device.judgeName, device.appVersion, device.userAgent.slice(0, 80)].filter(Boolean).join(' · '),
				before: { lastSeenAt: device.lastSeenAt, outboxSize: device.outboxSize }
			},
			organisationId
		);
		return { ...device, revokedAt: new Date() };
	});
	await disconnectDevice(revoked);
	return toView({ ...revoked, sessionId: null });
}

async function disconnectDevice(device: PanelDeviceRow): Promise<void> {
	const io = getSocketServer();
	if (!io) return;
	io.to(`judge:${device.judgeId}`).emit('device:revoked', { deviceId: device.id });
	if (!device.sessionId) return;
	for (const socket of await io.fetchSockets()) if (socket.data.sessionId === device.sessionId) socket.disconnect(true);
}

/** From the round's device panel: the head judge or an organiser revokes one of the panel's tablets. */
export async function revokeRoundDevice(control: RoundControl, deviceId: string): Promise<DeviceView> {
	const revoked = await revoke(control.actor, control.organisationId, deviceId, async (id) => (await listRoundsOfDevice(db(), control.organisationId, id)).includes(control.round.id));
	announceRoundChange({ organisationId: control.organisationId, competitionId: control.round.competitionId, roundId: control.round.id, kind: 'device' });
	return revoked;
}

/** Through the API: an owner or organiser revokes any tablet of the organisation's judges. */
export function revokeDevice(actor: OrgActor, deviceId: string): Promise<DeviceView> {
	requireRole(actor, MANAGER_ROLES);
	return revoke(actor, actor.organisation.id, deviceId, async () => true);
}

/**
 * The API's revoke: a token revokes any tablet of its organisation's judges; a signed-in head judge
 * (no token) a tablet on the panel of a round they are head judge of — anything else is not found.
 */
export async function revokeDeviceForApi(caller: ApiCaller, deviceId: string): Promise<DeviceView> {
	if ('token' in caller) return revokeDevice(caller.token, deviceId);
	for (const seat of await listSeatsOfUser(db(), caller.session.user.id)) {
		if (seat.role !== 'head') continue;
		if ((await listRoundsOfDevice(db(), seat.organisationId, deviceId)).includes(seat.roundId)) return revokeRoundDevice(await controlForApi(caller, seat.roundId), deviceId);
	}
	throw new DomainError('not_found');
}
