import type { Db } from '../db/client';
import type { SheetState, SheetStatus } from '$lib/realtime/events';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

// Judges' score sheets and the operations that wrote them (0018). Every write to a sheet runs in one
// transaction that first takes the sheet's lock (lockSheet), so two operations on one sheet never both
// read the same version.

export interface SheetKey {
	roundId: string;
	entryId: string;
	judgeId: string;
	componentKey: string;
}

export interface SheetRow extends SheetKey {
	id: string;
	scores: Record<string, number>;
	deductions: Record<string, number>;
	note: string;
	status: SheetStatus;
	version: number;
	statusReason: string;
	source: 'device' | 'api' | 'paper';
	lastOperationId: string | null;
	updatedAt: Date;
}

const SHEET_COLUMNS = `id, round_id, entry_id, judge_id, component_key, scores, deductions, note, status, version, status_reason, source, last_operation_id, updated_at`;

/** What a judge's device is sent of a stored sheet (any row carrying the sheet's fields). */
export function toSheetState(row: Omit<SheetRow, 'id' | 'source' | 'lastOperationId'>): SheetState {
	return {
		roundId: row.roundId,
		entryId: row.entryId,
		judgeId: row.judgeId,
		componentKey: row.componentKey,
		scores: row.scores,
		deductions: row.deductions,
		note: row.note,
		status: row.status,
		version: row.version,
		statusReason: row.statusReason,
		updatedAt: new Date(row.updatedAt).toISOString()
	};
}

/**
 * Serialises writes to one sheet until the transaction ends, whether or not its row exists yet (an
 * advisory lock on the sheet's address: a row lock cannot cover a row two writers are both inserting).
 */
export async function lockSheet(db: Db, key: SheetKey): Promise<void> {
	await db`select pg_advisory_xact_lock(hashtextextended(${`sheet:${key.roundId}:${key.entryId}:${key.judgeId}:${key.componentKey}`}, 0))`;
}

export async function getSheet(db: Db, organisationId: string, key: SheetKey): Promise<SheetRow | undefined> {
	const [row] = await db<SheetRow[]>`
		select ${db.unsafe(SHEET_COLUMNS)} from score_sheet
		where organisation_id = ${organisationId} and round_id = ${key.roundId} and entry_id = ${key.entryId}
			and judge_id = ${key.judgeId} and component_key = ${key.componentKey}`;
	return row;
}

export interface SheetWriteValues {
	scores: Record<string, number>;
	deductions: Record<string, number>;
	note: string;
	status: SheetStatus;
	source: 'device' | 'api' | 'paper';
	operationId: string;
	deviceId: string | null;
	/** The id a new sheet gets (made by the caller so it can describe the write before it returns); PostgreSQL makes one when absent. */
	newId?: string;
}

/** Creates the sheet or overwrites its values, raising its version; the caller holds lockSheet. Undefined when the sheet is another organisation's. */
export async function writeSheet(db: Db, organisationId: string, key: SheetKey, values: SheetWriteValues): Promise<SheetRow | undefined> {
	const submittedAt = values.status === 'submitted' ? db`now()` : db`null`;
	const [row] = await db<SheetRow[]>`
		insert into score_sheet (id, organisation_id, round_id, entry_id, judge_id, component_key, scores, deductions, note, status, source, last_operation_id, last_device_id, submitted_at)
		values (coalesce(${values.newId ?? null}::uuid, gen_random_uuid()), ${organisationId}, ${key.roundId}, ${key.entryId}, ${key.judgeId}, ${key.componentKey}, ${db.json(values.scores)}, ${db.json(values.deductions)},
			${values.note}, ${values.status}, ${values.source}, ${values.operationId}, ${values.deviceId}, ${submittedAt})
		on conflict (round_id, entry_id, judge_id, component_key) do update set
			scores = excluded.scores, deductions = excluded.deductions, note = excluded.note, status = excluded.status,
			source = excluded.source, last_operation_id = excluded.last_operation_id, last_device_id = excluded.last_device_id,
			submitted_at = coalesce(excluded.submitted_at, score_sheet.submitted_at),
			version = score_sheet.version + 1, updated_at = now()
		where score_sheet.organisation_id = ${organisationId}
		returning ${db.unsafe(SHEET_COLUMNS)}`;
	return row;
}

/** A round's sheets, by entry then judge; narrowed to one judge or one entry when asked. */
export function listSheetsOfRound(db: Db, organisationId: string, roundId: string, filter: { judgeId?: string; entryId?: string } = {}): Promise<SheetRow[]> {
	return db<SheetRow[]>`
		select ${db.unsafe(SHEET_COLUMNS)} from score_sheet
		where organisation_id = ${organisationId} and round_id = ${roundId}
			${filter.judgeId ? db`and judge_id = ${filter.judgeId}` : db``}
			${filter.entryId ? db`and entry_id = ${filter.entryId}` : db``}
		order by entry_id, judge_id, component_key`;
}

export interface OperationRow {
	id: string;
	organisationId: string;
	roundId: string;
	judgeId: string | null;
	actorId: string | null;
	outcome: unknown;
}

/**
 * An operation by its client-made id. Ids are unique across the platform (the table's key), so this
 * look-up is not scoped: the caller compares the row's organisation and actor with its own and refuses
 * an id someone else used.
 */
export async function findOperation(db: Db, operationId: string): Promise<OperationRow | undefined> {
	const [row] = await db<OperationRow[]>`select id, organisation_id, round_id, judge_id, actor_id, outcome from score_operation where id = ${operationId}`;
	return row;
}

/** Stores what an operation produced; false when the id was taken meanwhile (nothing written then). */
export async function insertOperation(
	db: Db,
	organisationId: string,
	input: { id: string; roundId: string; judgeId: string; actorId: string; deviceId: string | null; kind: string; outcome: unknown; clientTime: string | null }
): Promise<boolean> {
	const rows = await db`
		insert into score_operation (id, organisation_id, round_id, judge_id, actor_id, device_id, kind, outcome, client_time)
		values (${input.id}, ${organisationId}, ${input.roundId}, ${input.judgeId}, ${input.actorId}, ${input.deviceId}, ${input.kind}, ${db.json(input.outcome as never)}, ${input.clientTime})
		on conflict (id) do nothing returning id`;
	return rows.length > 0;
}

export interface ScoringRoundRow {
	roundId: string;
	competitionId: string;
	competitionTitle: string;
	competitionStatus: CompetitionStatus;
	eventName: string;
	roundName: string;
	blind: boolean;
	scoresLockedAt: Date | null;
}

/**
 * The round as scoring needs it. `share` holds the round row until the transaction ends, so a
 * sign-off (which updates the round) waits for writes in flight, and writes wait for a sign-off.
 */
export async function getScoringRound(db: Db, organisationId: string, roundId: string, share = false): Promise<ScoringRoundRow | undefined> {
	const [row] = await db<ScoringRoundRow[]>`
		select r.id as round_id, c.id as competition_id, c.title as competition_title, c.status as competition_status,
			e.name as event_name, r.name as round_name, r.blind, r.scores_locked_at
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		where r.organisation_id = ${organisationId} and r.id = ${roundId}
		${share ? db`for share of r` : db``}`;
	return row;
}

/** Entries the head judge marked this judge absent for. */
export async function listAbsentEntriesOfJudge(db: Db, organisationId: string, roundId: string, judgeId: string): Promise<string[]> {
	const rows = await db<{ entryId: string }[]>`
		select entry_id from judge_absence where organisation_id = ${organisationId} and round_id = ${roundId} and judge_id = ${judgeId}`;
	return rows.map((row) => row.entryId);
}

/** The organisation a round belongs to, for deciding who may join its room (the room name carries only its id). */
export async function findRoundOrganisation(db: Db, roundId: string): Promise<string | undefined> {
	const [row] = await db<{ organisationId: string }[]>`select organisation_id from round where id = ${roundId}`;
	return row?.organisationId;
}

/** How an audit row names a sheet: the judge's name and the entry's number (marking number when drawn), never the contestant. */
export async function describeSheetSubject(db: Db, organisationId: string, key: SheetKey): Promise<{ judgeName: string; number: number | null } | undefined> {
	const [row] = await db<{ judgeName: string; number: number | null }[]>`
		select j.name as judge_name, coalesce(re.marking_number, re.number) as number
		from judge j join round_entry re on re.organisation_id = j.organisation_id and re.round_id = ${key.roundId} and re.entry_id = ${key.entryId}
		where j.organisation_id = ${organisationId} and j.id = ${key.judgeId}`;
	return row;
}
