import type { VotePolicyRow } from '../voting/vote-queries';
import type { PublicTally } from '../voting/tally';

export function toApiVotePolicy(policy: VotePolicyRow, slug: string, smsConfigured: boolean) {
	return {
		roundId: policy.roundId,
		opensAt: policy.opensAt.toISOString(),
		closesAt: policy.closesAt.toISOString(),
		votesPerVoterPerDay: policy.votesPerVoterPerDay,
		votesPerCandidatePerVoterPerDay: policy.votesPerCandidatePerVoterPerDay,
		countsShown: policy.countsShown,
		dailyPublishTime: policy.dailyPublishTime?.slice(0, 5) ?? null,
		identityMode: policy.identityMode,
		baseCost: policy.baseCost,
		shareTitle: policy.shareTitle,
		shareDescription: policy.shareDescription,
		publicPath: `/c/${slug}/vote/${policy.roundId}`,
		smsConfigured
	};
}

export function toApiPublicTally(roundId: string, tally: PublicTally) {
	return { roundId, visible: tally.visible, asOf: tally.asOf?.toISOString() ?? null, counts: tally.counts };
}
