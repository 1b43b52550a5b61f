import { findBurstMinutes, type BurstMinute, type MinuteCount } from './baseline';
import { HOUR_MS, MINUTE_MS, VOTE_REVIEW_THRESHOLDS, type FlagReason, type VoteReviewThresholds } from './thresholds';

/** One address prefix's or user agent's votes for one candidate in one clock hour (computed in SQL). */
export interface ClusterHour {
	entryId: string;
	kind: 'address' | 'agent';
	hash: string;
	/** The hour's start, epoch milliseconds. */
	hour: number;
	votes: number;
	/** Mean and standard deviation of the gaps between consecutive votes of the cluster, in seconds (null under two votes). */
	meanGapSeconds: number | null;
	gapStddevSeconds: number | null;
}

/**
 * Which votes a rule points at: one candidate's votes in [from, to) that come from one address prefix
 * or user agent, or are their voter key's first vote, or all of them.
 */
export interface VoteSelector {
	entryId: string;
	match: { kind: 'address' | 'agent'; hash: string } | { kind: 'fresh' } | { kind: 'any' };
	from: number;
	to: number;
	reason: FlagReason;
}

export interface DetectionInput {
	minutes: readonly MinuteCount[];
	clusters: readonly ClusterHour[];
}

export interface DetectionFindings {
	bursts: BurstMinute[];
	selectors: VoteSelector[];
}

/** Whether a cluster's gaps are too even for people (a script on a timer). */
export function isInhumanlyRegular(cluster: Pick<ClusterHour, 'votes' | 'meanGapSeconds' | 'gapStddevSeconds'>, thresholds: VoteReviewThresholds = VOTE_REVIEW_THRESHOLDS): boolean {
	if (cluster.votes < thresholds.regularTimingMinVotes) return false;
	if (cluster.meanGapSeconds === null || cluster.gapStddevSeconds === null || cluster.meanGapSeconds <= 0) return false;
	return cluster.gapStddevSeconds / cluster.meanGapSeconds < thresholds.regularTimingMaxVariation;
}

function hourlyTotals(minutes: readonly MinuteCount[]): Map<string, number> {
	const totals = new Map<string, number>();
	for (const row of minutes) {
		const key = `${row.entryId}@${Math.floor(row.minute / HOUR_MS) * HOUR_MS}`;
		totals.set(key, (totals.get(key) ?? 0) + row.votes);
	}
	return totals;
}

/** From the aggregates, every rule that fires and the votes it points at. */
export function detectSuspiciousVotes(input: DetectionInput, thresholds: VoteReviewThresholds = VOTE_REVIEW_THRESHOLDS): DetectionFindings {
	const bursts = findBurstMinutes(input.minutes, thresholds);
	const selectors: VoteSelector[] = bursts.map((minute) => ({ entryId: minute.entryId, match: { kind: 'any' }, from: minute.minute, to: minute.minute + MINUTE_MS, reason: 'burst' }));
	for (const minute of bursts) {
		if (minute.freshVotes >= thresholds.freshVotersPerMinute && minute.freshVotes >= thresholds.freshVotersShare * minute.votes) {
			selectors.push({ entryId: minute.entryId, match: { kind: 'fresh' }, from: minute.minute, to: minute.minute + MINUTE_MS, reason: 'fresh_voters' });
		}
	}
	const totals = hourlyTotals(input.minutes);
	for (const cluster of input.clusters) {
		const window = { entryId: cluster.entryId, match: { kind: cluster.kind, hash: cluster.hash }, from: cluster.hour, to: cluster.hour + HOUR_MS } as const;
		if (cluster.kind === 'address' && cluster.votes >= thresholds.addressClusterPerHour) selectors.push({ ...window, reason: 'address_cluster' });
		if (cluster.kind === 'agent' && cluster.votes >= thresholds.userAgentClusterPerHour) {
			const total = totals.get(`${cluster.entryId}@${cluster.hour}`) ?? cluster.votes;
			if (cluster.votes >= thresholds.userAgentClusterShare * total) selectors.push({ ...window, reason: 'user_agent_cluster' });
		}
		if (isInhumanlyRegular(cluster, thresholds)) selectors.push({ ...window, reason: 'regular_timing' });
	}
	return { bursts, selectors };
}

/**
 * Whether a vote the rules point at is held for review. One address prefix or a timer's rhythm is
 * enough. A burst of first-time voters alone is not: that is also what a genuine WeChat share looks
 * like. One user agent counts only together with a burst or fresh voters, since one phone model and
 * WeChat version are common.
 */
export function shouldFlag(reasons: readonly FlagReason[]): boolean {
	if (reasons.includes('address_cluster') || reasons.includes('regular_timing')) return true;
	return reasons.includes('user_agent_cluster') && (reasons.includes('burst') || reasons.includes('fresh_voters'));
}
