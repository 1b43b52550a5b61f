/**
 * The thresholds of burst detection, named so a reviewer can argue with each one. They are tuned on
 * the case the issue describes: 2,000–3,000 bought votes in three hours (≈ 14 a minute) for one
 * candidate, against ordinary WeChat traffic that arrives in bursts too.
 */
export const VOTE_REVIEW_THRESHOLDS = {
	/**
	 * A candidate's minute is a burst only above this many votes, whatever its baseline: a quiet
	 * candidate's first ten votes (the link just shared in one group) are not a burst.
	 */
	burstFloorPerMinute: 10,
	/** How many of the candidate's earlier voting minutes (minutes with votes) form its baseline: four hours' worth. */
	baselineMinutes: 240,
	/** A minute is a burst above median + this many robust spreads (MAD × 1.4826) of the baseline. */
	burstSpreads: 6,
	/** Votes for one candidate from one address prefix (/24, /48) within one hour that make a cluster. */
	addressClusterPerHour: 30,
	/** Votes for one candidate with one user agent within one hour that may make a cluster… */
	userAgentClusterPerHour: 60,
	/** …when they are also at least this share of that candidate's votes in that hour (one phone model is common). */
	userAgentClusterShare: 0.6,
	/** In a burst minute, at least this many first-ever votes of their voter keys… */
	freshVotersPerMinute: 10,
	/** …making at least this share of the minute's votes. */
	freshVotersShare: 0.8,
	/** A cluster (one prefix or agent, one candidate, one hour) needs this many votes before its rhythm is judged. */
	regularTimingMinVotes: 20,
	/**
	 * Gaps between a cluster's votes whose coefficient of variation (stddev / mean) is below this are
	 * inhumanly regular: people tapping a shared link give gaps that vary by more than their mean.
	 */
	regularTimingMaxVariation: 0.1
} as const;

export type VoteReviewThresholds = { readonly [K in keyof typeof VOTE_REVIEW_THRESHOLDS]: number };

export const FLAG_REASONS = ['burst', 'address_cluster', 'user_agent_cluster', 'fresh_voters', 'regular_timing'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** The reason classes an organiser voids with (published per candidate after the window). */
export const VOID_REASON_CLASSES = ['bought_votes', 'bot', 'duplicate_identity', 'other'] as const;
export type VoidReasonClass = (typeof VOID_REASON_CLASSES)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
