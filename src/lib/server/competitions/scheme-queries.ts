import type { Db } from '../db/client';
import type { Scheme } from '$lib/domain/scoring';

export interface SchemeVersionRow {
	id: string;
	roundId: string;
	version: number;
	scheme: Scheme;
	reason: string;
	createdByName: string | null;
	createdAt: Date;
	updatedAt: Date;
}

const SELECT = `v.id, v.round_id, v.version, v.scheme, v.reason, u.display_name as created_by_name, v.created_at, v.updated_at
	from scheme_version v left join app_user u on u.id = v.created_by`;

/** The version in force: the highest number. Locked for the transaction when asked. */
export async function getLatestSchemeVersion(db: Db, organisationId: string, roundId: string, forUpdate = false): Promise<SchemeVersionRow | undefined> {
	const [row] = await db<SchemeVersionRow[]>`
		select ${db.unsafe(SELECT)}
		where v.organisation_id = ${organisationId} and v.round_id = ${roundId}
		order by v.version desc limit 1 ${forUpdate ? db`for update of v` : db``}`;
	return row;
}

export function listSchemeVersions(db: Db, organisationId: string, roundId: string): Promise<SchemeVersionRow[]> {
	return db<SchemeVersionRow[]>`
		select ${db.unsafe(SELECT)} where v.organisation_id = ${organisationId} and v.round_id = ${roundId} order by v.version desc`;
}

/** The latest scheme of each round of a competition, for overviews and lifecycle guards. */
export function listLatestSchemes(db: Db, organisationId: string, competitionId: string): Promise<{ roundId: string; version: number; scheme: Scheme }[]> {
	return db`
		select distinct on (v.round_id) v.round_id, v.version, v.scheme
		from scheme_version v join round r on r.id = v.round_id join event e on e.id = r.event_id
		where v.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		order by v.round_id, v.version desc` as never;
}

export async function insertSchemeVersion(
	db: Db,
	organisationId: string,
	input: { roundId: string; version: number; scheme: Scheme; reason: string; createdBy: string }
): Promise<void> {
	await db`
		insert into scheme_version (organisation_id, round_id, version, scheme, reason, created_by)
		values (${organisationId}, ${input.roundId}, ${input.version}, ${db.json(input.scheme as never)}, ${input.reason}, ${input.createdBy})`;
}

export async function replaceSchemeVersion(db: Db, organisationId: string, id: string, scheme: Scheme, userId: string): Promise<void> {
	await db`
		update scheme_version set scheme = ${db.json(scheme as never)}, created_by = ${userId}, updated_at = now()
		where organisation_id = ${organisationId} and id = ${id}`;
}
