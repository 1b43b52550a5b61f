import type { JudgeRoundState, SheetOperation, SheetState } from '$lib/realtime/events';
import type { LocalSheet, OutboxRecord } from './store';
import { sheetKey } from './store';

/**
 * The outbox's rules, pure so they can be tested exhaustively: what to send, what to forget, and whose
 * values a sheet shows after the server's view comes back.
 */

/**
 * Coalescing: operations carry a sheet's whole values, so a `save` followed by any later operation of
 * the same sheet says nothing the later one does not. A `submit` is never dropped (it changes the
 * sheet's status, and the head judge's view of when it was submitted). Order is kept.
 */
export function coalesce(outbox: readonly OutboxRecord[]): { send: OutboxRecord[]; drop: OutboxRecord[] } {
	const lastIndexOfSheet = new Map<string, number>();
	outbox.forEach((record, index) => lastIndexOfSheet.set(record.key, index));
	const send: OutboxRecord[] = [];
	const drop: OutboxRecord[] = [];
	outbox.forEach((record, index) => {
		const superseded = record.operation.kind === 'save' && lastIndexOfSheet.get(record.key) !== index;
		(superseded ? drop : send).push(record);
	});
	return { send, drop };
}

/** A sheet as the server holds it, as the device shows it. */
export function localFromServer(sheet: SheetState): LocalSheet {
	return {
		key: sheetKey(sheet),
		roundId: sheet.roundId,
		entryId: sheet.entryId,
		componentKey: sheet.componentKey,
		scores: { ...sheet.scores },
		deductions: { ...sheet.deductions },
		note: sheet.note,
		baseVersion: sheet.version,
		serverStatus: sheet.status,
		statusReason: sheet.statusReason,
		dirty: false,
		notice: null,
		updatedAt: sheet.updatedAt
	};
}

export interface ReconcileOutcome {
	/** What the device shows (and stores) for the sheet. */
	sheet: LocalSheet;
	/** Operation ids to take out of the outbox: already applied, or overtaken by the server. */
	drop: string[];
	/** The device's unsent changes lost to a newer server version: the judge is told. */
	told: boolean;
}

const sameValues = (operation: SheetOperation, server: SheetState): boolean =>
	operation.note === server.note && sameRecord(operation.scores, server.scores, null) && sameRecord(operation.deductions, server.deductions, 0);

/** A score never given reads as null; a deduction never counted as 0. */
function sameRecord(a: Record<string, number | null>, b: Record<string, number | null>, missing: number | null): boolean {
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[key] ?? missing) !== (b[key] ?? missing)) return false;
	return true;
}

/**
 * After a reconnect: the device's sheet and its unsent operations (oldest first) against the server's sheet.
 * - A server version older than the one the device already has: ignored.
 * - Operations whose values the server already holds were applied (their ack was lost): they leave the
 *   outbox, and the device's later ones were made on what the server has.
 * - Locked on the server: the server wins, everything pending is dropped, the judge is told if that lost work.
 * - The device has unsent changes made on the server's current version (or the server never had the sheet):
 *   they are newer; the device's sheet stays and its operations are sent.
 * - The server moved past the version the device edited (another device, a return by the head judge): the
 *   server wins, pending changes are dropped and the judge is told.
 * - Nothing pending: the server's sheet, silently.
 */
export function reconcileSheet(device: LocalSheet | undefined, server: SheetState | undefined, pending: readonly SheetOperation[] = []): ReconcileOutcome | null {
	if (!server) return device ? { sheet: device, drop: [], told: false } : null;
	// An older announcement arriving after a newer ack (events and acks race): nothing new in it.
	if (device?.baseVersion != null && server.version < device.baseVersion) return { sheet: device, drop: [], told: false };
	const fromServer = localFromServer(server);
	const applied = findLastIndex(pending, (operation) => sameValues(operation, server) && (operation.kind === 'save' || server.status !== 'draft'));
	const remaining = pending.slice(applied + 1);
	const appliedIds = pending.slice(0, applied + 1).map((operation) => operation.operationId);
	const allIds = pending.map((operation) => operation.operationId);
	if (!device || remaining.length === 0) return { sheet: fromServer, drop: allIds, told: false };
	const editedCurrent = applied >= 0 || (device.baseVersion !== null && device.baseVersion >= server.version);
	if (server.status === 'locked' || !editedCurrent) return { sheet: { ...fromServer, notice: { kind: 'superseded' } }, drop: allIds, told: true };
	return {
		sheet: { ...device, dirty: true, baseVersion: server.version, serverStatus: server.status, statusReason: server.statusReason },
		drop: appliedIds,
		told: false
	};
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
	for (let index = items.length - 1; index >= 0; index--) if (test(items[index] as T)) return index;
	return -1;
}

export type EntryStatus = 'not_started' | 'draft' | 'sent' | 'received' | 'returned' | 'locked' | 'stood_aside';

/**
 * One entry's state in the queue, over its judges components' sheets:
 * stood aside; locked (every sheet locked, or the round signed off); returned (any sheet returned and not
 * yet resubmitted); sent (a submit waits in the outbox); received (every sheet submitted and acknowledged);
 * draft (anything begun on this device or saved on the server); otherwise not started.
 */
export function entryStatus(input: {
	stoodAside: boolean;
	roundLocked: boolean;
	componentKeys: readonly string[];
	sheets: readonly (LocalSheet | undefined)[];
	pendingKinds: readonly ('save' | 'submit')[][];
}): EntryStatus {
	if (input.stoodAside) return 'stood_aside';
	if (input.roundLocked) return 'locked';
	const states = input.componentKeys.map((_, index) => {
		const sheet = input.sheets[index];
		const pending = input.pendingKinds[index] ?? [];
		if (sheet?.serverStatus === 'locked' && pending.length === 0) return 'locked';
		if (pending.at(-1) === 'submit') return 'sent';
		if (sheet?.serverStatus === 'returned' && !sheet.dirty) return 'returned';
		if (pending.length > 0 || sheet?.dirty) return sheet?.serverStatus === 'returned' ? 'returned' : 'draft';
		if (sheet?.serverStatus === 'submitted') return 'received';
		if (sheet) return 'draft';
		return 'not_started';
	});
	if (states.length === 0) return 'not_started';
	if (states.every((state) => state === 'locked')) return 'locked';
	if (states.includes('returned')) return 'returned';
	if (states.every((state) => state === 'received' || state === 'locked')) return 'received';
	if (states.every((state) => state === 'sent' || state === 'received' || state === 'locked')) return 'sent';
	if (states.every((state) => state === 'not_started')) return 'not_started';
	return 'draft';
}

/** Whether the judge may change a sheet on this device. */
export function isEditable(state: JudgeRoundState, sheet: LocalSheet | undefined): boolean {
	if (state.round.lockedAt) return false;
	return sheet?.serverStatus !== 'locked';
}
