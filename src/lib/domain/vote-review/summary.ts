import type { FlagReason } from './thresholds';

/** A vote detection just flagged, as the UPDATE returned it. */
export interface FlaggedVote {
	entryId: string;
	castAt: number;
	flags: readonly string[];
	addressPrefixHash: string;
	userAgentHash: string;
}

export interface CandidateFlagging {
	entryId: string;
	votes: number;
	from: number;
	to: number;
	addressPrefixes: number;
	userAgents: number;
	/** Each reason with how many of the votes carry it, most first. */
	reasons: { reason: FlagReason; votes: number }[];
}

/** What one detection run flagged, per candidate: the counts, the time span and how concentrated the sources were. */
export function summariseFlagging(votes: readonly FlaggedVote[]): CandidateFlagging[] {
	const byEntry = new Map<string, FlaggedVote[]>();
	for (const vote of votes) {
		const list = byEntry.get(vote.entryId);
		if (list) list.push(vote);
		else byEntry.set(vote.entryId, [vote]);
	}
	return [...byEntry.entries()]
		.map(([entryId, list]) => {
			const reasonCounts = new Map<FlagReason, number>();
			for (const vote of list) for (const flag of new Set(vote.flags)) reasonCounts.set(flag as FlagReason, (reasonCounts.get(flag as FlagReason) ?? 0) + 1);
			return {
				entryId,
				votes: list.length,
				from: Math.min(...list.map((vote) => vote.castAt)),
				to: Math.max(...list.map((vote) => vote.castAt)),
				addressPrefixes: new Set(list.map((vote) => vote.addressPrefixHash)).size,
				userAgents: new Set(list.map((vote) => vote.userAgentHash)).size,
				reasons: [...reasonCounts.entries()].map(([reason, count]) => ({ reason, votes: count })).sort((a, b) => b.votes - a.votes || a.reason.localeCompare(b.reason))
			};
		})
		.sort((a, b) => b.votes - a.votes);
}

const REASON_WORDS: Record<FlagReason, string> = {
	burst: 'a burst above its baseline',
	address_cluster: 'one address prefix',
	user_agent_cluster: 'one user agent',
	fresh_voters: 'first-time voters',
	regular_timing: 'evenly timed votes'
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
/** "14:02" in Shanghai time. */
export const shanghaiClock = (instant: number): string => new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
const shanghaiDay = (instant: number): string => new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** Shanghai time span in words: "14:02–14:05" on one day, with dates when it crosses midnight. */
export function describeSpan(from: number, to: number): string {
	if (shanghaiDay(from) === shanghaiDay(to)) return `${shanghaiDay(from)} ${shanghaiClock(from)}–${shanghaiClock(to)}`;
	return `${shanghaiDay(from)} ${shanghaiClock(from)}–${shanghaiDay(to)} ${shanghaiClock(to)}`;
}

/** The audit sentence: "burst detection flagged 2,130 votes for No. 17: one address prefix, … 2026-05-01 14:02–14:05". */
export function describeFlagging(summary: CandidateFlagging, candidate: string): string {
	const sources = summary.addressPrefixes === 1 ? 'from one address prefix' : `from ${summary.addressPrefixes.toLocaleString('en')} address prefixes`;
	const why = summary.reasons.map((entry) => REASON_WORDS[entry.reason]).join(', ');
	return `burst detection flagged ${summary.votes.toLocaleString('en')} votes for ${candidate} ${sources}: ${why}; ${describeSpan(summary.from, summary.to)}`;
}
