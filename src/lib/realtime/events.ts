/**
 * Every socket.io event with its payload, shared by server and clients. Names are `noun:verb`
 * (past tense for what the server announces). Clients treat events as hints to refetch; the
 * database stays the source of truth.
 */
import type { Labels } from '$lib/domain/scoring/types';

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

/** An error a client shows as is: a stable code and a message in the asker's language. */
export interface WireError {
	code: string;
	message: string;
	/** A message per invalid field, by field path (e.g. `scores.process`), as the API's `fields` (added by hcore). */
	fields?: Record<string, string>;
}

export type SheetStatus = 'draft' | 'submitted' | 'returned' | 'locked';

/**
 * One judge's sheet for one entry and one `judges` component, as the server holds it. Scores are integer
 * hundredths by criterion key; deductions are this judge's counted occurrences by item key. No names:
 * a sheet is addressed by ids and shown by the entry's number.
 */
export interface SheetState {
	roundId: string;
	entryId: string;
	judgeId: string;
	componentKey: string;
	scores: Record<string, number>;
	deductions: Record<string, number>;
	note: string;
	status: SheetStatus;
	/** Raised by every write; an operation names the version it was made on. */
	version: number;
	/** Why the head judge returned or unlocked it. */
	statusReason: string;
	updatedAt: string;
}

/**
 * A change a judge made on a device. `operationId` is a UUID made when the judge tapped; applying it
 * twice changes nothing. `save` keeps the sheet a draft (or returned); `submit` sends it to the head judge.
 * `scores` and `deductions` are the sheet's whole values after the change (not a delta), so resending
 * the last operation of a sheet is always enough. `baseVersion` is the version the device edited (null
 * for a sheet it never received); a write over a newer version still wins, and the answer says so.
 */
export interface SheetOperation {
	operationId: string;
	deviceId?: string;
	roundId: string;
	entryId: string;
	componentKey: string;
	kind: 'save' | 'submit';
	scores: Record<string, number | null>;
	deductions: Record<string, number>;
	note: string;
	baseVersion: number | null;
	/** The device's clock when the judge tapped, ISO 8601. */
	clientTime: string;
}

/**
 * The only proof of delivery: the server committed the operation (or had already: `replayed`).
 * `superseded` says another write reached the sheet after the version this device edited. A refusal
 * carries the sheet's current state when there is one, so the device can show it.
 */
export type SheetAck =
	| { ok: true; operationId: string; sheet: SheetState; replayed: boolean; superseded: boolean }
	| { ok: false; operationId: string; error: WireError; sheet?: SheetState };

export interface JudgeCriterionView {
	key: string;
	label?: Labels;
	/** Hundredths. */
	max: number;
	/** Hundredths; the scheme's weight when it is not the max (added by the tablet client, optional: absent means max). */
	weight?: number;
}
export interface JudgeComponentView {
	key: string;
	label?: Labels;
	criteria: JudgeCriterionView[];
	deductions: { key: string; label?: Labels; points: number }[];
}

/** Everything a judge's tablet needs for a round, and what it reloads on every reconnect. */
export interface JudgeRoundState {
	round: {
		roundId: string;
		competitionTitle: string;
		eventName: string;
		roundName: string;
		blind: boolean;
		/** When the head judge signed off (the sheets are then locked), ISO 8601. */
		lockedAt: string | null;
	};
	judgeId: string;
	components: JudgeComponentView[];
	/** By number; `name` and `unit` only in an open round. */
	entries: (JudgeEntryPayload & { absent: boolean })[];
	/** This judge's own sheets only. */
	sheets: SheetState[];
	serverTime: string;
}
export type JudgeRoundResult = { ok: true; state: JudgeRoundState } | { ok: false; error: WireError };

/** What a tablet reports every few seconds; the answer carries the server's clock and whether it was revoked. */
export interface DeviceHeartbeat {
	outboxSize: number;
	appVersion: string;
	clientTime: string;
}
export type DeviceHeartbeatResult = { ok: true; serverTime: string; revoked: boolean } | { ok: false; error: WireError };

/**
 * What a `round:changed` is about: a sheet (written, returned, unlocked, keyed from paper), an absence,
 * the sign-off, entered values / deduction counts / finish times, or a judge's tablet.
 */
export type RoundChangeKind = 'sheet' | 'absence' | 'signoff' | 'entered' | 'device';

/**
 * A hint to refetch, sent to `round:<id>` after a commit: what moved, never its scores. `kind` was added
 * later and is optional on the wire (absent means a sheet). The sheet's fields are there when a sheet or
 * a judge is concerned; an entered value names only its entry, a sign-off of a round without sheets and a
 * device change name neither (no more empty strings).
 */
export interface RoundChanged {
	roundId: string;
	kind?: RoundChangeKind;
	entryId?: string;
	judgeId?: string;
	status?: SheetStatus;
	version?: number;
}

/** The public board of a competition (`live:<competition id>`): numbers only while blind, never personal data. */
export interface BoardSnapshot {
	competitionId: string;
	/** Raised by every snapshot a process sends: a viewer ignores one older than what it shows. */
	sequence: number;
	generatedAt: string;
	rounds: {
		roundId: string;
		/** Added by the live board (optional, so older senders still fit): lets `/live/<slug>?event=<id>` show one event. */
		eventId?: string;
		eventName: string;
		roundName: string;
		lockedAt: string | null;
		/** Per entry, by number: sheets received (submitted or locked) of those expected. */
		progress: { number: number | null; received: number; expected: number }[];
		/** Only when the organiser allows it: provisional totals by number, in rank order (hundredths). */
		standings?: { rank: number; number: number | null; total: number; name?: string }[];
	}[];
}

export interface ClientToServerEvents {
	'room:join': (payload: { room: string }, ack: (result: JoinResult) => void) => void;
	'room:leave': (payload: { room: string }, ack: (result: { ok: boolean }) => void) => void;
	/** A scoring judge asks for an entry of their round; refused when they stand aside or are not on the panel. */
	'judge:entry': (payload: { roundId: string; entryId: string }, ack: (result: JudgeEntryResult) => void) => void;
	/** The tablet's whole view of a round (queue, scheme, its own sheets); reloaded on every reconnect. */
	'judge:round': (payload: { roundId: string }, ack: (result: JudgeRoundResult) => void) => void;
	/** One change to one of the judge's sheets; only the ack counts as delivery. */
	'sheet:apply': (payload: SheetOperation, ack: (result: SheetAck) => void) => void;
	'device:heartbeat': (payload: DeviceHeartbeat, ack: (result: DeviceHeartbeatResult) => void) => void;
}

export interface ServerToClientEvents {
	'audit:recorded': (payload: { organisationId: string; action: string }) => void;
	/** To the judge's own devices (room `judge:<judge id>`): one of their sheets changed elsewhere. */
	'sheet:updated': (payload: SheetState) => void;
	/** To `round:<id>` (panel and organisers): refetch the matrix. */
	'round:changed': (payload: RoundChanged) => void;
	/** To the judge's devices when the head judge revokes one: the device signs out. */
	'device:revoked': (payload: { deviceId: string }) => void;
	/** To `live:<competition id>`: the board's whole state, coalesced (at most one per room every 250 ms). */
	'board:snapshot': (payload: BoardSnapshot) => void;
}

export interface SocketData {
	userId: string | null;
	/** The session's hash, so a device bound to it can be found and revoked. */
	sessionId?: string | null;
}
