import { parse as parseCookies } from 'cookie';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, JoinResult, ServerToClientEvents, SocketData } from '$lib/realtime/events';
import { parseRoom, roomSchema } from '$lib/schemas/realtime';
import { SESSION_COOKIE } from '../auth/session';
import { authenticateSession } from '../auth/account';
import { isMemberOf } from '../organisations/service';
import { getRuntime } from '../runtime.js';
import { onJudgeEntry } from '../judging/judge-socket';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The handshake carries the same session cookie as HTTP; without one the socket is anonymous. */
async function authenticate(socket: AppSocket, next: (err?: Error) => void): Promise<void> {
	try {
		const token = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
		const result = token ? await authenticateSession(token, new Date()) : null;
		socket.data.userId = result?.user?.id ?? null;
		next();
	} catch (error) {
		next(error instanceof Error ? error : new Error('handshake_failed'));
	}
}

async function canJoinRoom(userId: string | null, room: string): Promise<JoinResult> {
	if (!roomSchema.safeParse({ room }).success) return { ok: false, code: 'invalid_room' };
	const { kind, id } = parseRoom(room);
	if (kind === 'live') return { ok: true };
	if (userId && (await isMemberOf(userId, id))) return { ok: true };
	return { ok: false, code: 'forbidden' };
}

function onConnection(socket: AppSocket): void {
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

/** Plugs the app's handshake and room rules into the socket.io server the entry created. */
export function wireRealtime(): void {
	const runtime = getRuntime();
	runtime.authenticate = (socket, next) => void authenticate(socket as AppSocket, next);
	runtime.onConnection = (socket) => onConnection(socket as AppSocket);
}

export function getSocketServer(): AppServer | undefined {
	return getRuntime().io as AppServer | undefined;
}
