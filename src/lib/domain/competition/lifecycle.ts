/** A competition moves through these steps in order (DESIGN.md §2); it never skips one. */
export const COMPETITION_STATUSES = ['draft', 'registration', 'screening', 'judging', 'review', 'notice', 'final'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export type LifecycleBlocker =
	| 'already_final'
	| 'not_next_step'
	| 'no_events'
	| 'event_without_rounds'
	| 'round_without_scheme'
	| 'round_scheme_invalid';

/** What the guards need to know about a competition's set-up. */
export interface CompetitionReadiness {
	events: { id: string; rounds: { id: string; hasScheme: boolean; schemeIsValid: boolean }[] }[];
}

export function nextStatus(status: CompetitionStatus): CompetitionStatus | null {
	const index = COMPETITION_STATUSES.indexOf(status);
	return COMPETITION_STATUSES[index + 1] ?? null;
}

/** Events and rounds may be added or removed until judging starts. */
export function canChangeStructure(status: CompetitionStatus): boolean {
	return COMPETITION_STATUSES.indexOf(status) < COMPETITION_STATUSES.indexOf('judging');
}

/** Once judging starts a scheme is frozen: a change must be a new, audited version with a reason. */
export function isSchemeFrozen(status: CompetitionStatus): boolean {
	return !canChangeStructure(status);
}

/** After the final results nothing changes any more. */
export function isClosed(status: CompetitionStatus): boolean {
	return status === 'final';
}

/**
 * Why a competition cannot move from `from` to `to` yet (empty: it can). Registration opens only when
 * every event has rounds; judging starts only when every round has a scheme that can be scored.
 */
export function findLifecycleBlockers(from: CompetitionStatus, to: CompetitionStatus, readiness: CompetitionReadiness): LifecycleBlocker[] {
	if (isClosed(from)) return ['already_final'];
	if (nextStatus(from) !== to) return ['not_next_step'];
	const blockers = new Set<LifecycleBlocker>();
	if (to === 'registration' || to === 'judging') {
		if (readiness.events.length === 0) blockers.add('no_events');
		for (const event of readiness.events) {
			if (event.rounds.length === 0) blockers.add('event_without_rounds');
			if (to !== 'judging') continue;
			for (const round of event.rounds) {
				if (!round.hasScheme) blockers.add('round_without_scheme');
				else if (!round.schemeIsValid) blockers.add('round_scheme_invalid');
			}
		}
	}
	return [...blockers];
}
