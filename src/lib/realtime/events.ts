/**
 * Every socket.io event with its payload, shared by server and clients. Names are `noun:verb`
 * (past tense for what the server announces). Clients treat events as hints to refetch; the
 * database stays the source of truth.
 */
export type JoinRefusal = 'invalid_room' | 'forbidden';
export type JoinResult = { ok: true } | { ok: false; code: JoinRefusal };

/** A judge's view of one entry (numbers only in a blind round), or why it is refused. */
export interface JudgeEntryPayload {
	entryId: string;
	number: number | null;
	name?: string;
	unit?: string;
	stoodAside: boolean;
}
export type JudgeEntryResult = { ok: true; entry: JudgeEntryPayload } | { ok: false; error: { code: string; message: string } };

export interface ClientToServerEvents {
	'room:join': (payload: { room: string }, ack: (result: JoinResult) => void) => void;
	'room:leave': (payload: { room: string }, ack: (result: { ok: boolean }) => void) => void;
	/** A scoring judge asks for an entry of their round; refused when they stand aside or are not on the panel. */
	'judge:entry': (payload: { roundId: string; entryId: string }, ack: (result: JudgeEntryResult) => void) => void;
}

export interface ServerToClientEvents {
	'audit:recorded': (payload: { organisationId: string; action: string }) => void;
}

export interface SocketData {
	userId: string | null;
}
