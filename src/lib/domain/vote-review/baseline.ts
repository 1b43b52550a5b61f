import { MINUTE_MS, VOTE_REVIEW_THRESHOLDS, type VoteReviewThresholds } from './thresholds';

/** Votes for one candidate in one minute (computed in SQL; minutes without votes are absent). */
export interface MinuteCount {
	entryId: string;
	/** The minute's start, epoch milliseconds. */
	minute: number;
	votes: number;
	/** Votes that were their voter key's first vote in the round. */
	freshVotes: number;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median absolute deviation scaled to estimate a standard deviation (robust to the burst itself). */
export function robustSpread(values: readonly number[]): number {
	const centre = median(values);
	return 1.4826 * median(values.map((value) => Math.abs(value - centre)));
}

/**
 * The most votes a candidate's minute may have before it is a burst, given its earlier voting minutes.
 * Only minutes with votes are in the baseline, so a candidate with one vote an hour has a baseline of
 * one, not zero: that errs towards calling fewer bursts.
 */
export function burstLimit(earlier: readonly number[], thresholds: VoteReviewThresholds = VOTE_REVIEW_THRESHOLDS): number {
	if (earlier.length === 0) return thresholds.burstFloorPerMinute;
	const limit = median(earlier) + thresholds.burstSpreads * Math.max(robustSpread(earlier), 1);
	return Math.max(thresholds.burstFloorPerMinute, limit);
}

export interface BurstMinute extends MinuteCount {
	limit: number;
}

/**
 * Each candidate's minutes above their own limit, judged against the candidate's voting minutes before
 * them. The median is robust, so a burst joins its own baseline only once it fills half of it: a short
 * burst stays a burst, while a candidate that is simply popular soon has a high baseline.
 */
export function findBurstMinutes(series: readonly MinuteCount[], thresholds: VoteReviewThresholds = VOTE_REVIEW_THRESHOLDS): BurstMinute[] {
	const byEntry = new Map<string, MinuteCount[]>();
	for (const row of series) {
		const minutes = byEntry.get(row.entryId);
		if (minutes) minutes.push(row);
		else byEntry.set(row.entryId, [row]);
	}
	const bursts: BurstMinute[] = [];
	for (const minutes of byEntry.values()) {
		minutes.sort((a, b) => a.minute - b.minute);
		minutes.forEach((row, index) => {
			const earlier = minutes.slice(Math.max(0, index - thresholds.baselineMinutes), index).map((minute) => minute.votes);
			const limit = burstLimit(earlier, thresholds);
			if (row.votes > limit) bursts.push({ ...row, limit });
		});
	}
	return bursts;
}

export const minuteStart = (instant: number): number => Math.floor(instant / MINUTE_MS) * MINUTE_MS;
