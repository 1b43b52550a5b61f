import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import * as queries from './review-queries';
import { candidateTallies, flagClusters, loadReviewRound, type CandidateTally, type FlagCluster } from './review-service';

/** Chart buckets from a minute up; a week of voting is drawn in hours, not 10,080 minutes. */
const BUCKETS_SECONDS = [60, 300, 600, 1800, 3600, 3 * 3600, 86_400];
const MAX_BUCKETS = 720;

export function bucketFor(first: Date | null, last: Date | null): number {
	if (!first || !last) return 60;
	const span = (last.getTime() - first.getTime()) / 1000;
	return BUCKETS_SECONDS.find((seconds) => span / seconds <= MAX_BUCKETS) ?? 86_400;
}

export interface VoteTimeline {
	bucketSeconds: number;
	/** Bucket starts, epoch milliseconds, ascending. */
	buckets: number[];
	series: { entryId: string; votes: number[]; flagged: number[] }[];
}

/** Votes per candidate per bucket and the flagged ones, laid out for the chart (zeros where no votes came). */
export async function voteTimeline(organisationId: string, roundId: string): Promise<VoteTimeline> {
	const span = await queries.voteSpan(db(), organisationId, roundId);
	const bucketSeconds = bucketFor(span.first, span.last);
	const rows = await queries.voteTimeline(db(), organisationId, roundId, bucketSeconds);
	const buckets: number[] = [];
	if (span.first && span.last) {
		const step = bucketSeconds * 1000;
		for (let at = Math.floor(span.first.getTime() / step) * step; at <= span.last.getTime(); at += step) buckets.push(at);
	}
	const index = new Map(buckets.map((at, position) => [at, position]));
	const series = new Map<string, { entryId: string; votes: number[]; flagged: number[] }>();
	for (const row of rows) {
		let line = series.get(row.entryId);
		if (!line) series.set(row.entryId, (line = { entryId: row.entryId, votes: buckets.map(() => 0), flagged: buckets.map(() => 0) }));
		const position = index.get(row.bucket.getTime());
		if (position === undefined) continue;
		line.votes[position] = row.votes;
		line.flagged[position] = row.flagged;
	}
	return { bucketSeconds, buckets, series: [...series.values()] };
}

export interface ReviewBoard {
	round: queries.ReviewRoundRow;
	tallies: CandidateTally[];
	clusters: FlagCluster[];
	timeline: VoteTimeline;
}

export async function getReviewBoard(actor: OrgActor, roundId: string): Promise<ReviewBoard> {
	const round = await loadReviewRound(actor, roundId);
	const [tallies, clusters, timeline] = await Promise.all([candidateTallies(actor, roundId), flagClusters(actor, roundId), voteTimeline(actor.organisation.id, roundId)]);
	return { round, tallies, clusters, timeline };
}
