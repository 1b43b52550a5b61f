import type { DetectionReport } from '../vote-review/detection';
import type { CandidateTally, DecisionResult, FlagCluster } from '../vote-review/review-service';

// The organisers' vote review in the API's shapes (see schemas/api/vote-review.ts): instants as ISO strings.

export const toApiTallies = (roundId: string, candidates: CandidateTally[]) => ({ roundId, candidates });

export const toApiFlags = (roundId: string, clusters: FlagCluster[]) => ({
	roundId,
	clusters: clusters.map((cluster) => ({
		entryId: cluster.entryId,
		candidate: cluster.candidate,
		addressPrefixHash: cluster.addressPrefixHash,
		votes: cluster.votes,
		userAgents: cluster.userAgents,
		freshVoters: cluster.freshVoters,
		firstAt: cluster.firstAt.toISOString(),
		lastAt: cluster.lastAt.toISOString(),
		flags: cluster.flags
	}))
});

export const toApiDecision = (result: DecisionResult) => result;

export const toApiDetection = (report: DetectionReport) => ({
	flagged: report.flagged,
	candidates: report.candidates.map((candidate) => ({
		entryId: candidate.entryId,
		label: candidate.label,
		votes: candidate.votes,
		from: new Date(candidate.from).toISOString(),
		to: new Date(candidate.to).toISOString(),
		addressPrefixes: candidate.addressPrefixes,
		userAgents: candidate.userAgents,
		reasons: candidate.reasons
	}))
});
