import type { Db } from '../db/client';
import type { StoredResult } from '$lib/domain/results/stored-result';
import { decodeStoredResult } from '../results/stored-result-codec';

// What the public notice (公示) reads: the rounds of a competition with a published result version and
// that version's stored result (its placings come from results/placing-queries.ts).

export interface PublishedRoundRow {
	roundId: string;
	roundName: string;
	eventId: string;
	eventName: string;
	publishedVersionId: string;
	version: number;
	resultsRevealedAt: Date | null;
	noticeStartsAt: Date | null;
	noticeEndsAt: Date | null;
	finalisedAt: Date | null;
	scoresLockedAt: Date | null;
	appealWindowMinutes: number;
}

/** Rounds of the competition whose results are published, by event and round order. */
export function listPublishedRounds(db: Db, organisationId: string, competitionId: string): Promise<PublishedRoundRow[]> {
	return db<PublishedRoundRow[]>`
		select r.id as round_id, r.name as round_name, e.id as event_id, e.name as event_name, r.published_version_id, v.version,
			r.results_revealed_at, r.notice_starts_at, r.notice_ends_at, r.finalised_at, r.scores_locked_at, r.appeal_window_minutes
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
			join result_version v on v.id = r.published_version_id and v.organisation_id = r.organisation_id
		where r.organisation_id = ${organisationId} and e.competition_id = ${competitionId} and r.published_version_id is not null
		order by e.position, r.position`;
}

/** The whole stored result of a version (the breakdowns the explanation page shows). */
export async function getStoredResult(db: Db, organisationId: string, versionId: string): Promise<StoredResult | undefined> {
	const [row] = await db<{ result: StoredResult | null; resultGzip: Buffer | null }[]>`
		select result, result_gzip from result_version where organisation_id = ${organisationId} and id = ${versionId}`;
	return row && decodeStoredResult(row);
}
