import type { BoardSnapshot } from '$lib/realtime/events';

/** The snapshot to show: the newer by sequence (snapshots from several processes may cross in flight). */
export function newerSnapshot(current: BoardSnapshot, incoming: BoardSnapshot): BoardSnapshot {
	return incoming.competitionId === current.competitionId && incoming.sequence > current.sequence ? incoming : current;
}

/** The rounds of one event (`?event=<id>`), or all of them. */
export function roundsToShow(snapshot: BoardSnapshot, eventId: string | null): BoardSnapshot['rounds'] {
	return eventId ? snapshot.rounds.filter((round) => round.eventId === eventId) : snapshot.rounds;
}

/** How many entries of a round have every expected sheet in (an entry expecting none does not count). */
export function entriesComplete(round: BoardSnapshot['rounds'][number]): number {
	return round.progress.filter((entry) => entry.expected > 0 && entry.received >= entry.expected).length;
}
