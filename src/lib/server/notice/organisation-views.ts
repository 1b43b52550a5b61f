import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { loadCompetition, loadRound } from '../competitions/guards';
import { getCompetition } from '../competitions/competition-queries';
import { DomainError } from '../domain-error';
import type { ObjectionInput } from '$lib/schemas/notice';
import { loadPublicExplanation, loadPublicResults, type PublicExplanation, type PublicResults } from './public-results';
import { lodgeObjection } from './objections';

// The API's way into the public notice: an organisation's token reads exactly what the public sees of
// its own competitions, found by id instead of by the public address.

async function slugOf(actor: OrgActor, competitionId: string): Promise<string> {
	return (await loadCompetition(db(), actor, competitionId)).slug;
}

export async function publicResultsOfCompetition(actor: OrgActor, competitionId: string, now: Date): Promise<PublicResults> {
	return loadPublicResults(await slugOf(actor, competitionId), now);
}

export async function explanationOfRoundEntry(actor: OrgActor, roundId: string, entryId: string, now: Date): Promise<PublicExplanation> {
	const round = await loadRound(db(), actor, roundId);
	const competition = await getCompetition(db(), actor.organisation.id, round.competitionId);
	if (!competition) throw new DomainError('not_found');
	return loadPublicExplanation(competition.slug, roundId, entryId, now);
}

/** An objection the organisers record for someone (e.g. one received on paper): the same rules as the public form. */
export async function lodgeObjectionForCompetition(actor: OrgActor, competitionId: string, input: ObjectionInput, now: Date): Promise<{ id: string }> {
	return lodgeObjection(await slugOf(actor, competitionId), input, null, actor.ip, now);
}
