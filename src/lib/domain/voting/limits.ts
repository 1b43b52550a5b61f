import { nextShanghaiMidnight } from './voting-day';
import type { VotingWindow } from './window';

export interface DailyLimits {
	votesPerVoterPerDay: number;
	votesPerCandidatePerVoterPerDay: number;
}

/** What a voter has already cast today (this Shanghai voting day), counting every status: a flagged or voided vote was still cast. */
export interface VotesToday {
	total: number;
	forCandidate: number;
}

export type LimitDecision =
	| { allowed: true }
	| { allowed: false; reason: 'daily_limit' | 'candidate_limit'; nextVoteAt: Date | null };

/**
 * Whether one more vote for a candidate fits today's allowance: at most `votesPerVoterPerDay` votes in
 * all and `votesPerCandidatePerVoterPerDay` for one candidate. When it does not, the next vote opens at
 * the next Shanghai midnight — or never, when the window closes before then (`nextVoteAt` null).
 */
export function decideDailyLimits(limits: DailyLimits, today: VotesToday, window: VotingWindow, now: Date): LimitDecision {
	const reason = today.total >= limits.votesPerVoterPerDay ? 'daily_limit' : today.forCandidate >= limits.votesPerCandidatePerVoterPerDay ? 'candidate_limit' : null;
	if (!reason) return { allowed: true };
	const midnight = nextShanghaiMidnight(now);
	return { allowed: false, reason, nextVoteAt: midnight.getTime() < window.closesAt.getTime() ? midnight : null };
}
