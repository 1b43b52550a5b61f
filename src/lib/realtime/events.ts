/**
 * Every socket.io event with its payload, shared by server and clients. Names are `noun:verb`
 * (past tense for what the server announces). Clients treat events as hints to refetch; the
 * database stays the source of truth.
 */
export type JoinRefusal = 'invalid_room' | 'forbidden';
export type JoinResult = { ok: true } | { ok: false; code: JoinRefusal };

export interface ClientToServerEvents {
	'room:join': (payload: { room: string }, ack: (result: JoinResult) => void) => void;
	'room:leave': (payload: { room: string }, ack: (result: { ok: boolean }) => void) => void;
}

export interface ServerToClientEvents {
	'audit:recorded': (payload: { organisationId: string; action: string }) => void;
}

export interface SocketData {
	userId: string | null;
}
