import { parse as parseCookies } from 'cookie';
import type { Server, Socket } from 'socket.io';
import type { BoardSnapshot, ClientToServerEvents, JoinResult, RoundChanged, ServerToClientEvents, SocketData } from '$lib/realtime/events';
import { parseRoom, roomSchema } from '$lib/schemas/realtime';
import { SESSION_COOKIE } from '../auth/session';
import { authenticateSession } from '../auth/account';
import { isMemberOf } from '../organisations/service';
import { getRuntime } from '../runtime.js';
import { onJudgeEntry } from '../judging/judge-socket';
import { db } from '../db/client';
import { getMember } from '../organisations/queries';
import { MANAGER_ROLES } from '../auth/roles';
import { listSeatsOfUserInRound } from '../judging/seat-queries';
import { listJudgeIdsOfUser } from '../sheets/device-queries';
import { findRoundOrganisation } from '../sheets/sheet-queries';
import { onDeviceHeartbeat, onJudgeRound, onSheetApply, type SocketCaller } from '../sheets/sheet-socket';
import { onRoundChange } from './round-changes';

/** Between this app's processes (through the adapter), never from a client. */
export interface InterServerEvents {
	/** A board snapshot built by one process, for every other process to send to its own viewers. */
	'board:snapshot': (snapshot: BoardSnapshot) => void;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The handshake carries the same session cookie as HTTP; without one the socket is anonymous. */
async function authenticate(socket: AppSocket, next: (err?: Error) => void): Promise<void> {
	try {
		const token = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
		const result = token ? await authenticateSession(token, new Date()) : null;
		socket.data.userId = result?.user?.id ?? null;
		socket.data.sessionId = result?.session?.id ?? null;
		next();
	} catch (error) {
		next(error instanceof Error ? error : new Error('handshake_failed'));
	}
}

async function canJoinRoom(userId: string | null, room: string): Promise<JoinResult> {
	if (!roomSchema.safeParse({ room }).success) return { ok: false, code: 'invalid_room' };
	const { kind, id } = parseRoom(room);
	if (kind === 'live') return { ok: true };
	if (kind === 'round') return (await mayFollowRound(userId, id)) ? { ok: true } : { ok: false, code: 'forbidden' };
	if (userId && (await isMemberOf(userId, id))) return { ok: true };
	return { ok: false, code: 'forbidden' };
}

/** A round's room: its panel (any role) and the managers of its organisation. */
async function mayFollowRound(userId: string | null, roundId: string): Promise<boolean> {
	if (!userId) return false;
	if ((await listSeatsOfUserInRound(db(), userId, roundId)).length > 0) return true;
	const organisationId = await findRoundOrganisation(db(), roundId);
	const member = organisationId ? await getMember(db(), organisationId, userId) : undefined;
	return !!member && MANAGER_ROLES.includes(member.role);
}

const callerOf = (socket: AppSocket): SocketCaller => ({
	userId: socket.data.userId,
	sessionId: socket.data.sessionId ?? null,
	userAgent: String(socket.handshake.headers['user-agent'] ?? '')
});

/** A judge's devices hear about their own sheets (`sheet:updated`) in `judge:<judge id>`. */
async function joinJudgeRooms(socket: AppSocket): Promise<void> {
	if (!socket.data.userId) return;
	const judgeIds = await listJudgeIdsOfUser(db(), socket.data.userId);
	if (judgeIds.length > 0) await socket.join(judgeIds.map((judgeId) => `judge:${judgeId}`));
}

function onConnection(socket: AppSocket): void {
	// The judge's rooms are joined before any event is handled: a device never misses its own update.
	const joined = joinJudgeRooms(socket).catch((error: unknown) => console.error('joining judge rooms failed', error));
	socket.on('judge:round', (payload, ack) => {
		if (typeof ack !== 'function') return;
		void joined
			.then(() => onJudgeRound(callerOf(socket), payload))
			.then(async (result) => {
				// A judge row linked after the socket connected: its room is joined with the round's first load.
				if (result.ok) await socket.join(`judge:${result.state.judgeId}`);
				ack(result);
			});
	});
	socket.on('sheet:apply', (payload, ack) => {
		if (typeof ack === 'function') void joined.then(() => onSheetApply(callerOf(socket), payload)).then(ack);
	});
	socket.on('device:heartbeat', (payload, ack) => {
		if (typeof ack === 'function') void onDeviceHeartbeat(callerOf(socket), payload).then(ack);
	});
	socket.on('room:join', async (payload, ack) => {
		if (typeof ack !== 'function') return;
		const room = typeof payload?.room === 'string' ? payload.room : '';
		const result = await canJoinRoom(socket.data.userId, room).catch((): JoinResult => ({ ok: false, code: 'forbidden' }));
		if (result.ok) await socket.join(room);
		ack(result);
	});
	socket.on('judge:entry', (payload, ack) => {
		if (typeof ack === 'function') void onJudgeEntry(socket.data.userId, payload).then(ack);
	});
	socket.on('room:leave', async (payload, ack) => {
		if (typeof payload?.room === 'string') await socket.leave(payload.room);
		if (typeof ack === 'function') ack({ ok: true });
	});
}

let stopRelaying: (() => void) | undefined;

/** Committed sheet changes go to the round's room (a hint to refetch) and to the judge's own devices (the sheet). */
function relayRoundChanges(): void {
	stopRelaying ??= onRoundChange((change) => {
		const io = getSocketServer();
		if (!io) return;
		const { roundId, kind, entryId, judgeId, status, version } = change;
		// Only the fields the change has: an adapter between processes could turn an undefined into null.
		const hint: RoundChanged = { roundId };
		for (const [key, value] of Object.entries({ kind, entryId, judgeId, status, version })) if (value !== undefined) Object.assign(hint, { [key]: value });
		io.to(`round:${roundId}`).emit('round:changed', hint);
		if (change.sheet) io.to(`judge:${change.sheet.judgeId}`).emit('sheet:updated', change.sheet);
	});
}

/** Plugs the app's handshake and room rules into the socket.io server the entry created. */
export function wireRealtime(): void {
	const runtime = getRuntime();
	runtime.authenticate = (socket, next) => void authenticate(socket as AppSocket, next);
	runtime.onConnection = (socket) => onConnection(socket as AppSocket);
	relayRoundChanges();
}

export function getSocketServer(): AppServer | undefined {
	return getRuntime().io as AppServer | undefined;
}
