import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { windowPhase, type WindowPhase } from '$lib/domain/voting';
import { findPublicCompetitionBySlug } from '../registration/public-queries';
import { getRound } from '../competitions/structure-queries';
import { getVotePolicy, listVoteCandidates } from './vote-queries';
import { publicTallyOf } from './tally';
import { publicVoidedSummary, type VoidedSummaryRow } from '../vote-review/review-service';

export interface VotePage {
	competition: { title: string; organiser: string; slug: string };
	round: { id: string; name: string };
	policy: {
		opensAt: Date;
		closesAt: Date;
		votesPerVoterPerDay: number;
		votesPerCandidatePerVoterPerDay: number;
		countsShown: 'live' | 'daily' | 'after_close';
		dailyPublishTime: string | null;
		identityMode: 'device' | 'verified';
		shareTitle: string;
		shareDescription: string;
	};
	phase: WindowPhase;
	/** Number and name only: never an ID number or a phone. */
	candidates: { entryId: string; number: number | null; name: string; unit: string; votes: number | null }[];
	countsAsOf: Date | null;
	/** After the window: voided votes per candidate and reason class, as award rules publish them. */
	voided: VoidedSummaryRow[] | null;
}

/** What the public voting page shows now: the policy in words, the candidates, and counts only as the policy allows. */
export async function loadVotePage(slug: string, roundId: string, now: Date): Promise<VotePage> {
	const competition = await findPublicCompetitionBySlug(db(), slug);
	if (!competition) throw new DomainError('not_found');
	const organisationId = competition.organisationId;
	const [round, policy] = await Promise.all([getRound(db(), organisationId, roundId), getVotePolicy(db(), organisationId, roundId)]);
	if (!round || round.competitionId !== competition.id || !policy) throw new DomainError('not_found');
	const [candidates, tally, voided] = await Promise.all([
		listVoteCandidates(db(), organisationId, roundId),
		publicTallyOf(db(), organisationId, roundId, policy, now),
		publicVoidedSummary(organisationId, roundId, now)
	]);
	const votes = new Map(tally.counts.map((row) => [row.entryId, row.votes]));
	return {
		competition: { title: competition.title, organiser: competition.organiser || competition.organisationName, slug: competition.slug },
		round: { id: round.id, name: round.name },
		policy: {
			opensAt: policy.opensAt,
			closesAt: policy.closesAt,
			votesPerVoterPerDay: policy.votesPerVoterPerDay,
			votesPerCandidatePerVoterPerDay: policy.votesPerCandidatePerVoterPerDay,
			countsShown: policy.countsShown,
			dailyPublishTime: policy.dailyPublishTime?.slice(0, 5) ?? null,
			identityMode: policy.identityMode,
			shareTitle: policy.shareTitle,
			shareDescription: policy.shareDescription
		},
		phase: windowPhase(policy, now),
		candidates: candidates.map((candidate) => ({ ...candidate, votes: tally.visible ? (votes.get(candidate.entryId) ?? 0) : null })),
		countsAsOf: tally.asOf,
		voided
	};
}
