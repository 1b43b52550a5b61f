/**
 * Places in an event: submitted and approved entries hold one; when the event is full a new entry goes
 * on the waiting list, and the earliest waiting entry moves up when a place frees (withdrawal, rejection,
 * a larger capacity).
 */

export type EntryStatus = 'submitted' | 'approved' | 'rejected' | 'waitlisted' | 'withdrawn';
export const ENTRY_STATUSES: readonly EntryStatus[] = ['submitted', 'approved', 'rejected', 'waitlisted', 'withdrawn'];

export const HOLDS_A_PLACE: readonly EntryStatus[] = ['submitted', 'approved'];

/** The status a new entry starts with. `capacity` null means no limit. */
export function arrivalStatus(capacity: number | null, placesTaken: number): 'submitted' | 'waitlisted' {
	return capacity !== null && placesTaken >= capacity ? 'waitlisted' : 'submitted';
}

/** How many waiting entries move up now. */
export function placesToFill(capacity: number | null, placesTaken: number, waiting: number): number {
	const free = capacity === null ? waiting : Math.max(0, capacity - placesTaken);
	return Math.min(free, waiting);
}

/** A contestant may change or withdraw an entry until screening starts, and never a decided one. */
export function contestantMayChange(status: EntryStatus, competitionStatus: string): boolean {
	return competitionStatus === 'registration' && (status === 'submitted' || status === 'waitlisted');
}
