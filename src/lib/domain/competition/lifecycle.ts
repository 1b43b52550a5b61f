/** A competition moves through these steps in order (DESIGN.md §2); it never skips one. */
export const COMPETITION_STATUSES = ['draft', 'registration', 'screening', 'judging', 'review', 'notice', 'final'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export type LifecycleBlocker =
	| 'already_final'
	| 'not_next_step'
	| 'no_events'
	| 'event_without_rounds'
	| 'round_without_scheme'
	| 'round_scheme_invalid'
	| 'no_entries'
	| 'no_draw'
	| 'no_panels'
	| 'no_results'
	| 'notice_open';

export type StepBackBlocker = 'not_previous_step' | 'judging_started';

/**
 * What the guards need to know about a competition. Registration fills `entryCount`, the draw
 * `hasDraw`, the judges' panels `hasPanels`, results `hasResults` (every event's last round with
 * entries has a version on notice) and `noticeClosed` (and every such notice window has ended).
 */
export interface CompetitionReadiness {
	events: { id: string; rounds: { id: string; hasScheme: boolean; schemeIsValid: boolean }[] }[];
	/** Entries accepted at registration (and kept through screening). */
	entryCount: number;
	hasDraw: boolean;
	/** Every round has a panel of judges. */
	hasPanels: boolean;
	/** Every round's scores are complete and signed off. */
	hasResults: boolean;
	/** The public notice period is over with every objection settled. */
	noticeClosed: boolean;
}

/** What a capability not yet built reports: nothing. */
export const NOTHING_YET: Omit<CompetitionReadiness, 'events'> = { entryCount: 0, hasDraw: false, hasPanels: false, hasResults: false, noticeClosed: false };

export function nextStatus(status: CompetitionStatus): CompetitionStatus | null {
	const index = COMPETITION_STATUSES.indexOf(status);
	return COMPETITION_STATUSES[index + 1] ?? null;
}

export function previousStatus(status: CompetitionStatus): CompetitionStatus | null {
	const index = COMPETITION_STATUSES.indexOf(status);
	return index > 0 ? COMPETITION_STATUSES[index - 1]! : null;
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

/** A step back (with a reason) is possible until judging starts: registration → draft, screening → registration. */
export function canStepBack(status: CompetitionStatus): boolean {
	return previousStatus(status) !== null && canChangeStructure(status);
}

function structureBlockers(readiness: CompetitionReadiness, needSchemes: boolean): LifecycleBlocker[] {
	const blockers: LifecycleBlocker[] = [];
	if (readiness.events.length === 0) blockers.push('no_events');
	for (const event of readiness.events) {
		if (event.rounds.length === 0) blockers.push('event_without_rounds');
		if (!needSchemes) continue;
		for (const round of event.rounds) {
			if (!round.hasScheme) blockers.push('round_without_scheme');
			else if (!round.schemeIsValid) blockers.push('round_scheme_invalid');
		}
	}
	return blockers;
}

/**
 * What each step needs, in one place. A capability that lands adds its condition here (and its
 * field to CompetitionReadiness), never in a route or service.
 */
const REQUIREMENTS: Record<CompetitionStatus, (readiness: CompetitionReadiness) => LifecycleBlocker[]> = {
	draft: () => [],
	registration: (readiness) => structureBlockers(readiness, false),
	screening: (readiness) => (readiness.entryCount > 0 ? [] : ['no_entries']),
	judging: (readiness) => [
		...structureBlockers(readiness, true),
		...(readiness.entryCount > 0 ? [] : (['no_entries'] as const)),
		...(readiness.hasDraw ? [] : (['no_draw'] as const)),
		...(readiness.hasPanels ? [] : (['no_panels'] as const))
	],
	review: (readiness) => (readiness.entryCount > 0 ? [] : ['no_entries']),
	notice: (readiness) => (readiness.hasResults ? [] : ['no_results']),
	final: (readiness) => (readiness.hasResults ? (readiness.noticeClosed ? [] : ['notice_open']) : ['no_results'])
};

/** Why a competition cannot move from `from` to `to` yet (empty: it can). Each reason is listed once. */
export function findLifecycleBlockers(from: CompetitionStatus, to: CompetitionStatus, readiness: CompetitionReadiness): LifecycleBlocker[] {
	if (isClosed(from)) return ['already_final'];
	if (nextStatus(from) !== to) return ['not_next_step'];
	return [...new Set(REQUIREMENTS[to](readiness))];
}

/** Why a competition cannot step back from `from` to `to` (empty: it can, given a reason). */
export function findStepBackBlockers(from: CompetitionStatus, to: CompetitionStatus): StepBackBlocker[] {
	if (!canChangeStructure(from)) return ['judging_started'];
	if (previousStatus(from) !== to) return ['not_previous_step'];
	return [];
}
