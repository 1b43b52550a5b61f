import { db } from '../db/client';
import { getVotePolicy, listVoteCandidates, type VotePolicyRow } from './vote-queries';

/**
 * A voting round's policy and candidate ids, kept for a second: every vote needs them and a burst would
 * otherwise read them thousands of times a second. Saving a policy forgets it here at once; another
 * process sees the change within the second.
 */
export interface VotingRound {
	organisationId: string;
	policy: VotePolicyRow;
	candidateIds: Set<string>;
}

const TTL_MS = 1000;
const cache = new Map<string, { round: VotingRound | null; loadedAt: number; loading?: Promise<VotingRound | null> }>();

export async function votingRound(organisationId: string, roundId: string): Promise<VotingRound | null> {
	const hit = cache.get(roundId);
	if (hit && performance.now() - hit.loadedAt < TTL_MS && hit.round?.organisationId === organisationId) return hit.round;
	if (hit?.loading) return (await hit.loading)?.organisationId === organisationId ? hit.loading : null;
	const loading = (async () => {
		const [policy, candidates] = await Promise.all([getVotePolicy(db(), organisationId, roundId), listVoteCandidates(db(), organisationId, roundId)]);
		return policy ? { organisationId, policy, candidateIds: new Set(candidates.map((candidate) => candidate.entryId)) } : null;
	})();
	cache.set(roundId, { round: hit?.round ?? null, loadedAt: hit?.loadedAt ?? 0, loading });
	try {
		const round = await loading;
		cache.set(roundId, { round, loadedAt: performance.now() });
		return round;
	} catch (error) {
		cache.delete(roundId);
		throw error;
	}
}

export function forgetCachedRound(roundId: string): void {
	cache.delete(roundId);
}

const placeTtlMs = 10_000;
const places = new Map<string, { organisationId: string | null; loadedAt: number }>();

/**
 * The organisation of a round reached by its public address /c/<slug>/vote/<round>: the round must be
 * in that competition, which must be past its draft. The one lookup without an organisation (the
 * address is global); null when there is no such round there.
 */
export async function organisationOfPublicRound(slug: string, roundId: string): Promise<string | null> {
	const key = `${slug}|${roundId}`;
	const hit = places.get(key);
	if (hit && performance.now() - hit.loadedAt < placeTtlMs) return hit.organisationId;
	const [row] = await db()<{ organisationId: string }[]>`
		select c.organisation_id from competition c
		join event e on e.competition_id = c.id and e.organisation_id = c.organisation_id
		join round r on r.event_id = e.id and r.organisation_id = e.organisation_id
		where c.slug = ${slug} and c.status <> 'draft' and r.id = ${roundId}`;
	places.set(key, { organisationId: row?.organisationId ?? null, loadedAt: performance.now() });
	return row?.organisationId ?? null;
}
