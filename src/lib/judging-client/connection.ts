import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import type { SheetTransport } from './sync';

export type JudgeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The tablet's socket: same origin, the session cookie authenticates the handshake; reconnects for ever. */
export function connectJudgeSocket(): JudgeSocket {
	return io({ reconnectionDelayMax: 5000, timeout: 8000 });
}

/**
 * The outbox's view of the socket. `timeout(ms).emitWithAck` rejects when no ack arrives in time, so
 * nothing counts as delivered unless our server answered the event (an HTTP 200 from a captive portal
 * is no ack).
 */
export function socketTransport(socket: JudgeSocket): SheetTransport {
	return {
		isConnected: () => socket.connected,
		apply: (operation, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('sheet:apply', operation),
		round: (roundId, timeoutMs) => socket.timeout(timeoutMs).emitWithAck('judge:round', { roundId })
	};
}
