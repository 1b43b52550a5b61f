import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { DeviceHeartbeatResult, JudgeRoundResult, SheetAck, WireError } from '$lib/realtime/events';
import { deviceHeartbeatSchema, judgeRoundRequestSchema, sheetOperationSchema } from '$lib/schemas/sheets';
import { db } from '../db/client';
import { DomainError, InvalidInputError } from '../domain-error';
import { describeDomainError } from '../http/errors';
import { fieldErrors } from '../http/forms';
import type { Actor } from '../auth/actor';
import type { UserRow } from '../auth/user-queries';
import { SCORING_ROLES } from '../judging/panel-queries';
import { listSeatsOfUserInRound } from '../judging/seat-queries';
import { applySheetWrite, SheetRefusedError } from './apply-service';
import { deviceFor, heartbeat } from './device-service';
import { isSessionLive, listDevicesOfSession } from './device-queries';
import { judgeRoundState } from './judge-round';

// The judge's socket events. Whatever arrives, the answer is an ack with a stable code: a malformed
// payload, a refusal or an unexpected failure never reaches the socket as an exception or a silence.

/** Who is on the socket: set by the handshake, re-checked against the database on every call. */
export interface SocketCaller {
	userId: string | null;
	sessionId: string | null;
	userAgent: string;
}

async function userById(id: string): Promise<UserRow | undefined> {
	const [user] = await db()<UserRow[]>`select id, email, phone, display_name, locale, is_platform_admin from app_user where id = ${id}`;
	return user;
}

/** The signed-in person behind the socket, while their session lives (a revoke deletes it). */
async function signedIn(caller: SocketCaller): Promise<{ actor: Actor; sessionId: string }> {
	if (!caller.userId || !caller.sessionId) throw new DomainError('forbidden');
	const [live, user] = await Promise.all([isSessionLive(db(), caller.sessionId), userById(caller.userId)]);
	if (!live || !user) throw new DomainError('session_ended');
	return { actor: { user, ip: null, requestId: 'socket' }, sessionId: caller.sessionId };
}

export function wireError(error: unknown, event: string): WireError {
	if (error instanceof InvalidInputError) return { code: error.code, message: error.summary, fields: error.fields };
	if (error instanceof DomainError) return { code: error.code, message: describeDomainError(error).message, ...(error.field ? { fields: { [error.field]: describeDomainError(error).message } } : {}) };
	console.error(`${event} failed`, error);
	return { code: 'internal_error', message: m.errors_validation() };
}

const invalid = (error: z.ZodError): WireError => ({ code: 'validation_failed', message: m.errors_validation(), fields: fieldErrors(error) });

export async function onSheetApply(caller: SocketCaller, payload: unknown): Promise<SheetAck> {
	const operationId = typeof (payload as { operationId?: unknown } | null)?.operationId === 'string' ? String((payload as { operationId: string }).operationId).slice(0, 100) : '';
	const parsed = sheetOperationSchema.safeParse(payload);
	if (!parsed.success) return { ok: false, operationId, error: invalid(parsed.error) };
	const operation = parsed.data;
	try {
		// The session, the person, their seat and the session's devices are independent reads: one round
		// trip, not four. They run before the write's transaction, so it holds its connection no longer.
		const [{ actor, sessionId }, seats, sessionDevices] = await Promise.all([
			signedIn(caller),
			caller.userId ? listSeatsOfUserInRound(db(), caller.userId, operation.roundId) : [],
			caller.sessionId ? listDevicesOfSession(db(), caller.sessionId) : undefined
		]);
		const seat = seats.find((candidate) => SCORING_ROLES.includes(candidate.role));
		if (!seat) throw new DomainError('not_on_panel');
		const deviceId = await deviceFor(db(), seat.organisationId, seat.judgeId, sessionId, caller.userAgent, sessionDevices);
		return await applySheetWrite({ actor, organisationId: seat.organisationId, judgeId: seat.judgeId, source: 'device', deviceId, sessionId }, operation);
	} catch (error) {
		const sheet = error instanceof SheetRefusedError ? error.sheet : undefined;
		return { ok: false, operationId: operation.operationId, error: wireError(error, 'sheet:apply'), ...(sheet ? { sheet } : {}) };
	}
}

export async function onJudgeRound(caller: SocketCaller, payload: unknown): Promise<JudgeRoundResult> {
	const parsed = judgeRoundRequestSchema.safeParse(payload);
	if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
	try {
		const { actor, sessionId } = await signedIn(caller);
		const state = await judgeRoundState(actor, parsed.data.roundId);
		const seat = (await listSeatsOfUserInRound(db(), actor.user.id, parsed.data.roundId))[0]!;
		await deviceFor(db(), seat.organisationId, state.judgeId, sessionId, caller.userAgent);
		return { ok: true, state };
	} catch (error) {
		return { ok: false, error: wireError(error, 'judge:round') };
	}
}

export async function onDeviceHeartbeat(caller: SocketCaller, payload: unknown): Promise<DeviceHeartbeatResult> {
	const parsed = deviceHeartbeatSchema.safeParse(payload);
	if (!parsed.success) return { ok: false, error: invalid(parsed.error) };
	try {
		// Only a judge's page beats. A socket with no session is a tablet whose session ended while it was
		// away (a revoke deletes it, and the reconnect's handshake then finds none): it may not go on either.
		if (!caller.userId || !caller.sessionId) return { ok: true, serverTime: new Date().toISOString(), revoked: true };
		return { ok: true, ...(await heartbeat(caller.userId, caller.sessionId, { ...parsed.data, userAgent: caller.userAgent })) };
	} catch (error) {
		return { ok: false, error: wireError(error, 'device:heartbeat') };
	}
}
