import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { listSeatsOfUserInRound } from '../judging/seat-queries';
import type { ApiCaller } from '../http/api';
import { findRoundPlaceOfUser, getControlledRound, type ControlledRoundRow } from './queries';

/**
 * Who may run a round's scoring (matrix, returns, absences, sign-off, devices): the round's head
 * judge (裁判长), or an owner or organiser of its organisation. Every service here takes one.
 */
export interface RoundControl {
	actor: Actor;
	organisationId: string;
	round: ControlledRoundRow;
	as: 'head' | 'manager';
}

async function controlOf(actor: Actor, organisationId: string, roundId: string, as: RoundControl['as']): Promise<RoundControl> {
	const round = await getControlledRound(db(), organisationId, roundId);
	if (!round) throw new DomainError('not_found');
	return { actor, organisationId, round, as };
}

/** The head judge's own pages (/judge/…): only the round's head judge; another judge of the panel is refused, anyone else finds nothing. */
export async function controlAsHeadJudge(actor: Actor, roundId: string): Promise<RoundControl> {
	const seats = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (seats.length === 0) throw new DomainError('not_found');
	const head = seats.find((seat) => seat.role === 'head');
	if (!head) throw new DomainError('forbidden');
	return controlOf(actor, head.organisationId, roundId, 'head');
}

/** Organisation tokens (the API) and the organiser's own calls: owners and organisers only. */
export async function controlAsManager(actor: OrgActor, roundId: string): Promise<RoundControl> {
	requireRole(actor, MANAGER_ROLES);
	return controlOf(actor, actor.organisation.id, roundId, 'manager');
}

/** The organisation's pages: an owner or organiser, or a member who is this round's head judge. */
export async function controlAsMember(actor: OrgActor, roundId: string): Promise<RoundControl> {
	if (MANAGER_ROLES.includes(actor.role)) return controlAsManager(actor, roundId);
	const seats = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (!seats.some((seat) => seat.role === 'head' && seat.organisationId === actor.organisation.id)) throw new DomainError('forbidden');
	return controlOf(actor, actor.organisation.id, roundId, 'head');
}

/**
 * The API: a token is an owner's or organiser's; a signed-in session (no token) is whoever the desk
 * pages admit — the round's head judge, or an owner or organiser of its organisation. Another of
 * the organisation's people (a judge of another round, a contestant) is refused; anyone else finds nothing.
 */
export async function controlForApi(caller: ApiCaller, roundId: string): Promise<RoundControl> {
	if ('token' in caller) return controlAsManager(caller.token, roundId);
	const actor = caller.session;
	const place = await findRoundPlaceOfUser(db(), actor.user.id, roundId);
	if (!place) throw new DomainError('not_found');
	const seats = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (seats.some((seat) => seat.role === 'head')) return controlOf(actor, place.organisationId, roundId, 'head');
	if (place.memberRole && MANAGER_ROLES.includes(place.memberRole)) return controlOf(actor, place.organisationId, roundId, 'manager');
	throw new DomainError('forbidden');
}
