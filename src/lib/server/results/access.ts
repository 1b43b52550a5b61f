import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { controlAsManager, controlAsMember, type RoundControl } from '../round-control/access';

// Who may act on a round's results: computing, verifying and reading versions belong to the round's
// head judge (裁判长) as well as to owners and organisers; special awards, advancement, reveal,
// publication and finalising are the organiser's decisions (DESIGN §7).

export type { RoundControl };

/** An owner or organiser, or the round's head judge; another organisation's round is not found. */
export function resultsControl(actor: OrgActor, roundId: string): Promise<RoundControl> {
	return controlAsMember(actor, roundId);
}

/** The API (a token is an owner's or organiser's): the round must be the competition's in the path. */
export async function resultsControlForApi(actor: OrgActor, competitionId: string, roundId: string): Promise<RoundControl> {
	const control = await controlAsManager(actor, roundId);
	if (control.round.competitionId !== competitionId) throw new DomainError('not_found');
	return control;
}

/** Only owners and organisers decide what is published. */
export function requireResultsManager(control: RoundControl): void {
	if (control.as !== 'manager') throw new DomainError('forbidden');
}
