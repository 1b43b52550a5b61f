import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES } from '../auth/roles';
import { getCompetition } from '../competitions/competition-queries';
import { listCompetitionDraws } from './draw-service';

/** The draw page of a competition: its rounds and their stages, for managers and the rounds' encryption judges. */
export async function getDrawOverview(actor: OrgActor, competitionId: string) {
	const competition = await getCompetition(db(), actor.organisation.id, competitionId);
	if (!competition) throw new DomainError('not_found');
	const rounds = await listCompetitionDraws(actor, competitionId);
	if (!MANAGER_ROLES.includes(actor.role) && rounds.length === 0) throw new DomainError('forbidden');
	return { competition: { id: competition.id, title: competition.title, slug: competition.slug, status: competition.status }, rounds };
}
