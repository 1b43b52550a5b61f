import type { Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import type { ApiCaller } from '../http/api';
import { db } from '../db/client';
import { enterOrganisation } from '../organisations/service';
import { findRoundPlaceOfUser } from '../round-control/queries';
import { MANAGER_ROLES } from '../auth/roles';
import { getEnteredRound, isHeadJudge, type EnteredRoundRow } from './entered-queries';
import type { EnteredComponent, JudgesComponent } from '$lib/domain/scoring';

/**
 * Who enters what the panel records beside the sheets (entered values, deduction counts, finish times,
 * paper sheets): the organisation's owners and organisers, and the round's head judge. Another
 * organisation's round is not_found; anyone else is forbidden.
 */
export async function loadPanelDeskRound(conn: Db, actor: OrgActor, roundId: string, forUpdate = false): Promise<EnteredRoundRow> {
	const round = await getEnteredRound(conn, actor.organisation.id, roundId, forUpdate);
	if (!round) throw new DomainError('not_found');
	if (MANAGER_ROLES.includes(actor.role)) return round;
	if (await isHeadJudge(conn, actor.organisation.id, roundId, actor.user.id)) return round;
	throw new DomainError('forbidden');
}

/**
 * The organisation actor for the desk's API operations (entered values, deduction counts, finish
 * times, paper sheets): the token's, or for a signed-in session (no token) the person's membership of
 * the round's organisation, as on the desk pages; loadPanelDeskRound then admits managers and the head judge.
 */
export async function deskActorForApi(caller: ApiCaller, roundId: string): Promise<OrgActor> {
	if ('token' in caller) return caller.token;
	const place = await findRoundPlaceOfUser(db(), caller.session.user.id, roundId);
	if (!place) throw new DomainError('not_found');
	if (!place.memberRole) throw new DomainError('forbidden');
	return enterOrganisation(caller.session, place.organisationSlug);
}

/** After sign-off (裁判长签字) nothing the results read may change. */
export function requireNotSignedOff(round: Pick<EnteredRoundRow, 'scoresLockedAt'>): void {
	if (round.scoresLockedAt) throw new DomainError('entered_round_signed_off');
}

export function enteredComponents(round: Pick<EnteredRoundRow, 'scheme'>): EnteredComponent[] {
	return (round.scheme?.components ?? []).filter((component): component is EnteredComponent => component.source === 'entered');
}

export function judgesComponents(round: Pick<EnteredRoundRow, 'scheme'>): JudgesComponent[] {
	return (round.scheme?.components ?? []).filter((component): component is JudgesComponent => component.source === 'judges');
}

/** An entered component's maximum in hundredths (default 100 points). */
export const enteredMax = (component: EnteredComponent): number => component.max ?? 10000;

/** An entry in the audit log and on the page: its number, never a name (blind rounds stay blind in the log too). */
export const entryLabel = (number: number | null, entryId: string): string => (number === null ? entryId.slice(0, 8) : `#${number}`);

export const roundLabel = (round: Pick<EnteredRoundRow, 'eventName' | 'name'>): string => `${round.eventName} · ${round.name}`;
