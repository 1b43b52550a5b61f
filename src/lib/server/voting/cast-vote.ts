import { DomainError } from '../domain-error';
import { db } from '../db/client';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { DEFAULT_COST_POLICY, proofCost, votingDayOf, windowPhase } from '$lib/domain/voting';
import { castBallot, startChallengePurge } from './ballot-box';
import { createVoteChallenge, verifyVoteProof } from './proof';
import { organisationOfPublicRound, votingRound, type VotingRound } from './round-cache';
import { countRecentVotes } from './vote-queries';
import { addressPrefixHash, deviceVoterKey, userAgentHash } from './voter-identity';

/** Who is voting, as the route read it from the request. */
export interface VoterContext {
	/** The device token's id (the route issues a token when there is none). */
	deviceTokenId: string;
	/** The phone's voter key when this device verified a phone for the round (`verified` mode). */
	verifiedVoterKey: string | null;
	address: string | null;
	userAgent: string | null;
}

/** "2026-05-04 00:00" in Shanghai time: what the voter is told. */
const shanghaiMinute = (instant: Date) => formatShanghaiTime(instant).slice(0, 16);

async function loadVotingRound(slug: string, roundId: string): Promise<VotingRound> {
	const organisationId = await organisationOfPublicRound(slug, roundId);
	const round = organisationId && (await votingRound(organisationId, roundId));
	if (!round) throw new DomainError('vote_policy_missing');
	return round;
}

function voterKeyOf(round: VotingRound, voter: VoterContext): string {
	if (round.policy.identityMode === 'verified') {
		if (!voter.verifiedVoterKey) throw new DomainError('vote_verification_required');
		return voter.verifiedVoterKey;
	}
	return deviceVoterKey(voter.deviceTokenId);
}

/** A proof-of-work challenge for the next vote, its cost raised for a busy address prefix or voter (friction, not a wall). */
export async function issueVoteChallenge(slug: string, roundId: string, voter: VoterContext, now: Date) {
	const round = await loadVotingRound(slug, roundId);
	const voterKey = round.policy.identityMode === 'verified' ? (voter.verifiedVoterKey ?? deviceVoterKey(voter.deviceTokenId)) : deviceVoterKey(voter.deviceTokenId);
	const recent = await countRecentVotes(db(), round.organisationId, roundId, addressPrefixHash(voter.address), voterKey, new Date(now.getTime() - 3600_000));
	const cost = proofCost({ ...DEFAULT_COST_POLICY, baseCost: round.policy.baseCost }, recent);
	return createVoteChallenge(roundId, cost, now);
}

export interface Counted {
	voteId: string;
}

/**
 * One vote: the proof must be ours, for this round, unexpired and unspent; the window open (opening
 * instant included, closing instant excluded); the candidate in the round; the voter within today's
 * limits (Shanghai day of `now`). Every refusal is a DomainError whose message the voter reads.
 */
export async function castVote(slug: string, roundId: string, input: { entryId: string; altcha: string }, voter: VoterContext, now: Date): Promise<Counted> {
	const round = await loadVotingRound(slug, roundId);
	const proof = await verifyVoteProof(input.altcha, roundId);
	if (!proof.ok) throw new DomainError('vote_proof_invalid', {}, 'altcha');
	const phase = windowPhase(round.policy, now);
	if (phase === 'before') throw new DomainError('vote_window_before', { opensAt: shanghaiMinute(round.policy.opensAt) });
	if (phase === 'closed') throw new DomainError('vote_window_closed');
	if (!round.candidateIds.has(input.entryId)) throw new DomainError('vote_candidate_unknown', {}, 'entryId');
	const voterKey = voterKeyOf(round, voter);
	startChallengePurge();
	const outcome = await castBallot({
		organisationId: round.organisationId,
		roundId,
		entryId: input.entryId,
		voterKey,
		castAt: now,
		votingDay: votingDayOf(now),
		addressPrefixHash: addressPrefixHash(voter.address),
		userAgentHash: userAgentHash(voter.userAgent),
		proofId: proof.proofId,
		proofExpiresAt: proof.expiresAt,
		limits: round.policy,
		window: round.policy
	});
	if (outcome.kind === 'counted') return { voteId: outcome.voteId };
	if (outcome.kind === 'replayed') throw new DomainError('vote_proof_replayed', {}, 'altcha');
	const details: Record<string, string> = outcome.nextVoteAt ? { nextVoteAt: shanghaiMinute(outcome.nextVoteAt) } : {};
	throw new DomainError(outcome.reason === 'daily_limit' ? 'vote_daily_limit' : 'vote_candidate_limit', details);
}
