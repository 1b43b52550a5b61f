import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { listSeatsOfUserInRound } from '../judging/seat-queries';

/**
 * The draw as a round's encryption judge runs it. Encryption judges often have code-only accounts and
 * are not members of the organisation, so they act inside it through their panel seat: the organisation
 * is the round's, and the role is the lowest one, which gives no right of its own. Every draw service
 * then admits them only as the round's encryption judge (and audits them by name).
 */
export async function encryptionJudgeActor(actor: Actor, roundId: string): Promise<OrgActor> {
	const seats = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (seats.length === 0) throw new DomainError('not_on_panel');
	const seat = seats.find((candidate) => candidate.role === 'encryption');
	if (!seat) throw new DomainError('forbidden');
	return { ...actor, organisation: { id: seat.organisationId, slug: seat.organisationSlug, name: seat.organisationName }, role: 'contestant' };
}
