import { db, type Db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { requireRole, MANAGER_ROLES } from '../auth/roles';
import { loadRound } from '../competitions/guards';
import { countsVisibility } from '$lib/domain/voting';
import { countAcceptedVotes, getVotePolicy, listVoteCandidates, type VotePolicyRow } from './vote-queries';

/**
 * Accepted votes per entry of a round — the number the engine's public_vote component reads (results/
 * round-input.ts) and the public count shows. Entries without a vote are absent (they count 0).
 */
export function acceptedVotesOfRound(conn: Db, organisationId: string, roundId: string): Promise<{ entryId: string; votes: number }[]> {
	return countAcceptedVotes(conn, organisationId, roundId);
}

export interface PublicTally {
	visible: boolean;
	/** Counts include votes cast before this instant (null when hidden). */
	asOf: Date | null;
	/** Per candidate, in the candidates' order; empty when hidden. */
	counts: { entryId: string; number: number | null; votes: number }[];
}

/** What the public may see of the counts now, by the policy's counts_shown (live, daily at a time, after close). */
export async function publicTallyOf(conn: Db, organisationId: string, roundId: string, policy: VotePolicyRow, now: Date): Promise<PublicTally> {
	const visibility = countsVisibility({ ...policy, dailyPublishTime: policy.dailyPublishTime }, now);
	if (!visibility.visible) return { visible: false, asOf: null, counts: [] };
	const [candidates, counts] = await Promise.all([listVoteCandidates(conn, organisationId, roundId), countAcceptedVotes(conn, organisationId, roundId, visibility.asOf)]);
	const byEntry = new Map(counts.map((row) => [row.entryId, row.votes]));
	return { visible: true, asOf: visibility.asOf, counts: candidates.map((candidate) => ({ entryId: candidate.entryId, number: candidate.number, votes: byEntry.get(candidate.entryId) ?? 0 })) };
}

/** The organiser's view of the public tally (the API's GET …/vote-tally): exactly what the public page shows now. */
export async function getPublicTally(actor: OrgActor, roundId: string, now: Date): Promise<PublicTally | null> {
	requireRole(actor, MANAGER_ROLES);
	await loadRound(db(), actor, roundId);
	const policy = await getVotePolicy(db(), actor.organisation.id, roundId);
	return policy ? publicTallyOf(db(), actor.organisation.id, roundId, policy, now) : null;
}
