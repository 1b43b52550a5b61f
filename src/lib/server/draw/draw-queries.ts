import type { Db } from '../db/client';
import type { DrawnPlace } from '$lib/domain/draw/shuffle';

export type DrawStage = 1 | 2 | 3;

export interface DrawRow {
	id: string;
	roundId: string;
	stage: DrawStage;
	seedHash: string;
	seedCipher: string;
	entryIds: string[];
	entriesDigest: string;
	stationLabels: string[];
	committedAt: Date;
	committedByName: string | null;
	ranAt: Date | null;
	ranByName: string | null;
	result: DrawnPlace[] | null;
	revealedAt: Date | null;
	revealedByName: string | null;
	seed: string | null;
}

/** A round with what the draw needs to know about it. */
export interface DrawRoundRow {
	id: string;
	name: string;
	position: number;
	blind: boolean;
	scoresLockedAt: Date | null;
	eventId: string;
	eventName: string;
	competitionId: string;
	competitionTitle: string;
	competitionSlug: string;
}

const DRAW_COLUMNS = `d.id, d.round_id, d.stage, d.seed_hash, d.seed_cipher, d.entry_ids, d.entries_digest, d.station_labels,
	d.committed_at, cu.display_name as committed_by_name, d.ran_at, ru.display_name as ran_by_name, d.result,
	d.revealed_at, vu.display_name as revealed_by_name, d.seed`;
const DRAW_JOINS = `left join app_user cu on cu.id = d.committed_by left join app_user ru on ru.id = d.ran_by left join app_user vu on vu.id = d.revealed_by`;

export function listDrawsOfRound(db: Db, organisationId: string, roundId: string): Promise<DrawRow[]> {
	return db<DrawRow[]>`
		select ${db.unsafe(DRAW_COLUMNS)} from draw d ${db.unsafe(DRAW_JOINS)}
		where d.organisation_id = ${organisationId} and d.round_id = ${roundId} order by d.stage`;
}

export const ROUND_COLUMNS = `r.id, r.name, r.position, r.blind, r.scores_locked_at, e.id as event_id, e.name as event_name,
	c.id as competition_id, c.title as competition_title, c.slug as competition_slug`;

/** With `forUpdate` the round row stays locked, so two runs of one stage serialise. */
export async function getDrawRound(db: Db, organisationId: string, roundId: string, forUpdate = false): Promise<DrawRoundRow | undefined> {
	const [row] = await db<DrawRoundRow[]>`
		select ${db.unsafe(ROUND_COLUMNS)} from round r join event e on e.id = r.event_id join competition c on c.id = e.competition_id
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		${forUpdate ? db`for update of r` : db``}`;
	return row;
}

export function listDrawRoundsOfCompetition(db: Db, organisationId: string, competitionId: string): Promise<DrawRoundRow[]> {
	return db<DrawRoundRow[]>`
		select ${db.unsafe(ROUND_COLUMNS)} from round r join event e on e.id = r.event_id join competition c on c.id = e.competition_id
		where r.organisation_id = ${organisationId} and c.id = ${competitionId} order by e.position, r.position`;
}

/** Whether the person sits on the round's panel as an encryption judge (加密裁判). */
export async function isEncryptionJudge(db: Db, organisationId: string, roundId: string, userId: string): Promise<boolean> {
	const [row] = await db<{ found: boolean }[]>`
		select exists (
			select 1 from panel_member p join judge j on j.id = p.judge_id
			where p.organisation_id = ${organisationId} and p.round_id = ${roundId} and p.role = 'encryption' and j.user_id = ${userId}
		) as found`;
	return row!.found;
}

/**
 * The entries a stage draws among. Stage 1 of a first round: the event's approved entries; otherwise
 * the round's entries (stage 2 and 3: those with a contestant number).
 */
export async function listEntriesToDraw(db: Db, organisationId: string, round: Pick<DrawRoundRow, 'id' | 'eventId' | 'position'>, stage: DrawStage): Promise<string[]> {
	const rows =
		stage === 1 && round.position === 1
			? await db<{ id: string }[]>`
				select id from entry where organisation_id = ${organisationId} and event_id = ${round.eventId} and status = 'approved' order by id`
			: await db<{ id: string }[]>`
				select entry_id as id from round_entry
				where organisation_id = ${organisationId} and round_id = ${round.id} ${stage === 1 ? db`` : db`and number is not null`} order by entry_id`;
	return rows.map((row) => row.id);
}

export async function insertDraw(
	db: Db,
	organisationId: string,
	draw: { roundId: string; stage: DrawStage; seedHash: string; seedCipher: string; entryIds: string[]; entriesDigest: string; stationLabels: string[]; committedBy: string }
): Promise<void> {
	await db`
		insert into draw (organisation_id, round_id, stage, seed_hash, seed_cipher, entry_ids, entries_digest, station_labels, committed_by)
		values (${organisationId}, ${draw.roundId}, ${draw.stage}, ${draw.seedHash}, ${draw.seedCipher}, ${db.json(draw.entryIds)},
			${draw.entriesDigest}, ${db.json(draw.stationLabels)}, ${draw.committedBy})`;
}

export async function markDrawRun(db: Db, organisationId: string, drawId: string, result: DrawnPlace[], userId: string): Promise<void> {
	await db`
		update draw set ran_at = now(), ran_by = ${userId}, result = ${db.json(result as never)}
		where organisation_id = ${organisationId} and id = ${drawId} and ran_at is null`;
}

export async function markDrawRevealed(db: Db, organisationId: string, drawId: string, seed: string, userId: string): Promise<void> {
	await db`
		update draw set revealed_at = now(), revealed_by = ${userId}, seed = ${seed}
		where organisation_id = ${organisationId} and id = ${drawId} and ran_at is not null and revealed_at is null`;
}

/** Writes a run's places into round_entry: number (stage 1), running order and station (2), marking number (3). */
export async function applyDrawResult(db: Db, organisationId: string, roundId: string, stage: DrawStage, places: DrawnPlace[]): Promise<void> {
	const ids = places.map((place) => place.entryId);
	const values = places.map((place) => place.value);
	const stations = places.map((place) => place.station ?? null);
	if (stage === 1) {
		// Entries of the first round get their row here; later rounds' rows come from advancement.
		await db`
			insert into round_entry (organisation_id, round_id, entry_id)
			select ${organisationId}, ${roundId}, e.id from entry e where e.organisation_id = ${organisationId} and e.id = any(${ids}::uuid[])
			on conflict (round_id, entry_id) do nothing`;
	}
	const column = stage === 1 ? 'number' : stage === 2 ? 'running_order' : 'marking_number';
	await db`
		update round_entry re set ${db.unsafe(column)} = x.value ${stage === 2 ? db`, station = x.station` : db``}
		from unnest(${ids}::uuid[], ${values}::int[], ${stations}::text[]) as x(entry_id, value, station)
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId} and re.entry_id = x.entry_id`;
}

export interface RoundNumbersRow {
	entryId: string;
	number: number | null;
	runningOrder: number | null;
	station: string | null;
	markingNumber: number | null;
}

/** The round's numbers without any person: what organisers and the public may see. */
export function listRoundNumbers(db: Db, organisationId: string, roundId: string): Promise<RoundNumbersRow[]> {
	return db<RoundNumbersRow[]>`
		select entry_id, number, running_order, station, marking_number from round_entry
		where organisation_id = ${organisationId} and round_id = ${roundId}
		order by number nulls last, entry_id`;
}

export interface DecodingRow extends RoundNumbersRow {
	unit: string;
	teamName: string | null;
	/** The people of the entry, leader first. */
	names: string[];
}

/** The decoding table (number → person): sealed, read only through the audited service call. */
export function listDecodingRows(db: Db, organisationId: string, roundId: string): Promise<DecodingRow[]> {
	return db<DecodingRow[]>`
		select re.entry_id, re.number, re.running_order, re.station, re.marking_number, e.unit, e.team_name,
			coalesce((select array_agg(m.name order by m.position) from entry_member m where m.organisation_id = ${organisationId} and m.entry_id = e.id), '{}') as names
		from round_entry re join entry e on e.id = re.entry_id and e.organisation_id = re.organisation_id
		where re.organisation_id = ${organisationId} and re.round_id = ${roundId}
		order by re.number nulls last, re.entry_id`;
}
