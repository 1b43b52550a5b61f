import type { Db } from '../db/client';
import { holderName } from './placing-queries';
import type { StoredResult } from '$lib/domain/results/stored-result';
import type { PlacingRow } from '$lib/domain/results/placings';
import { decodeStoredResult } from './stored-result-codec';

// A round's result versions and where its results stand (db/migrations/0026). Every statement filters
// by the organisation; the services check who acts.

export interface RoundResultsState {
	id: string;
	name: string;
	position: number;
	blind: boolean;
	eventId: string;
	eventName: string;
	competitionId: string;
	scoresLockedAt: Date | null;
	resultsRevealedAt: Date | null;
	publishedVersionId: string | null;
	noticeStartsAt: Date | null;
	noticeEndsAt: Date | null;
	finalVersionId: string | null;
	finalisedAt: Date | null;
}

/** The round's results state; locked for the transaction when asked (computing, publishing, finalising). */
export async function getRoundResultsState(db: Db, organisationId: string, roundId: string, forUpdate = false): Promise<RoundResultsState | undefined> {
	const [row] = await db<RoundResultsState[]>`
		select r.id, r.name, r.position, r.blind, r.event_id, e.name as event_name, e.competition_id, r.scores_locked_at, r.results_revealed_at,
			r.published_version_id, r.notice_starts_at, r.notice_ends_at, r.final_version_id, r.finalised_at
		from round r join event e on e.organisation_id = r.organisation_id and e.id = r.event_id
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		${forUpdate ? db`for update of r` : db``}`;
	return row;
}

export interface ResultVersionSummary {
	id: string;
	version: number;
	schemeVersion: number;
	engineVersion: string;
	inputsDigest: string;
	reason: string;
	createdByName: string | null;
	createdAt: Date;
}

export interface ResultVersionRow extends ResultVersionSummary {
	roundId: string;
	result: StoredResult;
}

const SUMMARY = (db: Db) => db`v.id, v.version, v.scheme_version, v.engine_version, v.inputs_digest, v.reason, u.display_name as created_by_name, v.created_at`;

/**
 * Stores a version numbered after the round's last (the caller holds the round's row lock), under the
 * id the caller chose (so the placings can follow in the same pipeline). The result is stored
 * compressed (stored-result-codec.ts).
 */
export async function insertResultVersion(
	db: Db,
	organisationId: string,
	row: { id: string; roundId: string; schemeVersion: number; engineVersion: string; inputsDigest: string; reason: string; result: Buffer; createdBy: string }
): Promise<{ id: string; version: number }> {
	const [inserted] = await db<{ id: string; version: number }[]>`
		insert into result_version (id, organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, reason, result_gzip, created_by)
		select ${row.id}, ${organisationId}, r.id, coalesce((select max(version) from result_version v where v.organisation_id = ${organisationId} and v.round_id = r.id), 0) + 1,
			${row.schemeVersion}, ${row.engineVersion}, ${row.inputsDigest}, ${row.reason}, ${row.result}, ${row.createdBy}
		from round r where r.organisation_id = ${organisationId} and r.id = ${row.roundId}
		returning id, version`;
	if (!inserted) throw new Error('round not found for the result version');
	return inserted;
}

/** One statement for all placings of a version (a 1,000-entry round stores in one round trip). */
export async function insertPlacings(db: Db, organisationId: string, resultVersionId: string, placings: PlacingRow[]): Promise<void> {
	if (placings.length === 0) return;
	// jsonb_to_recordset matches keys to column names as written, so the rows travel in snake_case.
	const rows = placings.map((placing) => ({
		entry_id: placing.entryId,
		number: placing.number,
		rank: placing.rank,
		total: placing.total,
		components: placing.components,
		tier_key: placing.tierKey,
		tier_label: placing.tierLabel,
		special_award: placing.specialAward,
		advances: placing.advances
	}));
	await db`
		insert into result_placing (organisation_id, result_version_id, entry_id, number, rank, total, components, tier_key, tier_label, special_award, advances)
		select ${organisationId}, v.id, x.entry_id, x.number, x.rank, x.total, x.components, x.tier_key, x.tier_label, x.special_award, x.advances
		from result_version v,
			jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb) as x(entry_id uuid, number integer, rank integer, total integer, components jsonb, tier_key text, tier_label text, special_award text, advances boolean)
		where v.organisation_id = ${organisationId} and v.id = ${resultVersionId}`;
}

/** The round's versions, newest first, without their (large) results. */
export function listResultVersions(db: Db, organisationId: string, roundId: string): Promise<ResultVersionSummary[]> {
	return db<ResultVersionSummary[]>`
		select ${SUMMARY(db)} from result_version v left join app_user u on u.id = v.created_by
		where v.organisation_id = ${organisationId} and v.round_id = ${roundId} order by v.version desc`;
}

/** One version of the round with its whole stored result; by id, or the latest when no id is given. */
export async function getResultVersion(db: Db, organisationId: string, roundId: string, versionId?: string): Promise<ResultVersionRow | undefined> {
	const [row] = await db<(ResultVersionSummary & { roundId: string; result: StoredResult | null; resultGzip: Buffer | null })[]>`
		select ${SUMMARY(db)}, v.round_id, v.result, v.result_gzip from result_version v left join app_user u on u.id = v.created_by
		where v.organisation_id = ${organisationId} and v.round_id = ${roundId} ${versionId ? db`and v.id = ${versionId}` : db``}
		order by v.version desc limit 1`;
	if (!row) return undefined;
	const { resultGzip: _compressed, ...summary } = row;
	return { ...summary, result: await decodeStoredResult(row) };
}

export interface SpecialAwardRow {
	id: string;
	entryId: string;
	title: string;
	reason: string;
	createdByName: string | null;
	createdAt: Date;
}

export function listSpecialAwards(db: Db, organisationId: string, roundId: string): Promise<SpecialAwardRow[]> {
	return db<SpecialAwardRow[]>`
		select a.id, a.entry_id, a.title, a.reason, u.display_name as created_by_name, a.created_at
		from special_award a left join app_user u on u.id = a.created_by
		where a.organisation_id = ${organisationId} and a.round_id = ${roundId} order by a.created_at, a.id`;
}

/** Undefined when the entry is not in the round or already has a special award there. */
export async function insertSpecialAward(db: Db, organisationId: string, award: { roundId: string; entryId: string; title: string; reason: string; createdBy: string }): Promise<{ id: string } | undefined> {
	const [row] = await db<{ id: string }[]>`
		insert into special_award (organisation_id, round_id, entry_id, title, reason, created_by)
		select ${organisationId}, re.round_id, re.entry_id, ${award.title}, ${award.reason}, ${award.createdBy}
		from round_entry re where re.organisation_id = ${organisationId} and re.round_id = ${award.roundId} and re.entry_id = ${award.entryId}
		on conflict (round_id, entry_id) do nothing
		returning id`;
	return row;
}

/** The removed award, or undefined when there was none. */
export async function deleteSpecialAward(db: Db, organisationId: string, roundId: string, awardId: string): Promise<{ entryId: string; title: string } | undefined> {
	const [row] = await db<{ entryId: string; title: string }[]>`
		delete from special_award where organisation_id = ${organisationId} and round_id = ${roundId} and id = ${awardId} returning entry_id, title`;
	return row;
}

/** Sets the round's results columns given (reveal, publish, finalise); false when the round is not this organisation's. */
export async function updateRoundResults(
	db: Db,
	organisationId: string,
	roundId: string,
	patch: Partial<{ resultsRevealedAt: Date; publishedVersionId: string; noticeStartsAt: Date; noticeEndsAt: Date; finalVersionId: string; finalisedAt: Date; finalisedBy: string }>
): Promise<boolean> {
	const columns = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
	if (Object.keys(columns).length === 0) return false;
	const rows = await db`update round set ${db(columns)} where organisation_id = ${organisationId} and id = ${roundId} returning id`;
	return rows.length > 0;
}

export interface NextRoundRow {
	id: string;
	name: string;
	blind: boolean;
}

/** The round after this one in the same event (next position), if any. */
export async function findNextRound(db: Db, organisationId: string, roundId: string): Promise<NextRoundRow | undefined> {
	const [row] = await db<NextRoundRow[]>`
		select n.id, n.name, n.blind from round r
		join round n on n.organisation_id = r.organisation_id and n.event_id = r.event_id and n.position > r.position
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		order by n.position limit 1`;
	return row;
}

/**
 * Puts the advancing entries into the next round, keeping their contestant numbers when asked (null
 * otherwise: the next round's draw gives new ones). Entries already there stay as they are. The ids of the rows added.
 */
export async function insertAdvancingEntries(db: Db, organisationId: string, fromRoundId: string, toRoundId: string, entryIds: string[], keepNumbers: boolean): Promise<string[]> {
	if (entryIds.length === 0) return [];
	const rows = await db<{ entryId: string }[]>`
		insert into round_entry (organisation_id, round_id, entry_id, number)
		select ${organisationId}, n.id, re.entry_id, ${keepNumbers ? db`re.number` : db`null::integer`}
		from round_entry re join round n on n.organisation_id = re.organisation_id and n.id = ${toRoundId}
		where re.organisation_id = ${organisationId} and re.round_id = ${fromRoundId} and re.entry_id = any(${entryIds}::uuid[])
		on conflict (round_id, entry_id) do nothing
		returning entry_id`;
	return rows.map((row) => row.entryId);
}

/** Entry names for a revealed round's results view, by entry id: team name or first member, and unit. */
export async function listEntryNames(db: Db, organisationId: string, roundId: string): Promise<{ entryId: string; name: string; unit: string }[]> {
	return db<{ entryId: string; name: string; unit: string }[]>`
		select re.entry_id, ${holderName(db)} as name, e.unit
		from round_entry re join entry e on e.organisation_id = re.organisation_id and e.id = re.entry_id
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId}`;
}
