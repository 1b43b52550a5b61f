import { EventEmitter } from 'node:events';
import type { RoundChanged, SheetState } from '$lib/realtime/events';

/**
 * Committed changes to a round's scores, announced inside this process after the transaction commits.
 * Judging announces; the live board listens and coalesces its snapshots. Other processes learn of the
 * change through the socket.io adapter's rooms, not through this emitter.
 */
export interface CommittedRoundChange extends RoundChanged {
	organisationId: string;
	competitionId: string;
	/** The sheet after the change, sent to the judge's own devices (`sheet:updated`); absent for changes that are not one sheet's. */
	sheet?: SheetState;
}

const changes = new EventEmitter();
// Every live board room and test may listen; the default limit of 10 would only print warnings.
changes.setMaxListeners(0);

export function announceRoundChange(change: CommittedRoundChange): void {
	changes.emit('change', change);
}

/** Returns the function that stops listening. */
export function onRoundChange(listener: (change: CommittedRoundChange) => void): () => void {
	changes.on('change', listener);
	return () => changes.off('change', listener);
}
