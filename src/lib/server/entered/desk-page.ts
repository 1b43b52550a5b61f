import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireMembershipOnRound } from '../auth/guards';
import type { OrgActor } from '../auth/actor';
import type { EnteredRoundRow } from './entered-queries';

// The head judge's desk pages (entered values, deduction counts, finish times, paper sheets) share
// who may open them (the services check: managers and the round's head judge) and their heading.

/** Any member (the services decide who may act); a round of another competition in the path is a 404 first. */
export function deskActor(event: RequestEvent<{ org: string; competition: string; round: string }>): Promise<OrgActor> {
	return requireMembershipOnRound(event);
}

/** The heading every desk page shows; a round of another competition in the path is a 404. */
export function deskHeading(round: EnteredRoundRow, competitionId: string) {
	if (round.competitionId !== competitionId) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return { id: round.id, name: round.name, eventName: round.eventName, competitionId: round.competitionId, competitionTitle: round.competitionTitle, signedOff: round.scoresLockedAt !== null, blind: round.blind };
}
