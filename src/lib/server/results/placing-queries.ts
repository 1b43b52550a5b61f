import type { Db } from '../db/client';

/**
 * The name an entry is listed under — its team's name, else its first member's — for a query that
 * has the entry as `e`. Never an ID number or a phone.
 */
export const holderName = (db: Db) =>
	db`coalesce(e.team_name, (select m.name from entry_member m where m.organisation_id = e.organisation_id and m.entry_id = e.id order by m.position limit 1), '')`;

/** One entry's line in a stored result version, with what a certificate or a results list prints. */
export interface FinalPlacing {
	roundId: string;
	roundName: string;
	eventId: string;
	eventName: string;
	resultVersionId: string;
	entryId: string;
	number: number | null;
	rank: number;
	/** Hundredths of a point. */
	total: number;
	components: Record<string, number>;
	tierKey: string | null;
	tierLabel: string | null;
	specialAward: string | null;
	advances: boolean;
	/** The team's name, or the member's name for an individual entry. */
	holderName: string;
	unit: string;
	finalisedAt: Date;
}

/**
 * The final results of a competition's rounds (only rounds whose results are final), by event, round,
 * then rank and number: what certificates are issued from and what final exports print. Names come
 * from the entry (first member, or the team name), never ID numbers.
 */
export async function listFinalPlacings(db: Db, organisationId: string, competitionId: string): Promise<FinalPlacing[]> {
	return db<FinalPlacing[]>`
		select r.id as round_id, r.name as round_name, ev.id as event_id, ev.name as event_name,
			p.result_version_id, p.entry_id, p.number, p.rank, p.total, p.components, p.tier_key, p.tier_label,
			p.special_award, p.advances,
			${holderName(db)} as holder_name, e.unit,
			r.finalised_at
		from round r
		join event ev on ev.organisation_id = r.organisation_id and ev.id = r.event_id
		join result_placing p on p.organisation_id = r.organisation_id and p.result_version_id = r.final_version_id
		join entry e on e.organisation_id = p.organisation_id and e.id = p.entry_id
		where r.organisation_id = ${organisationId} and ev.competition_id = ${competitionId} and r.final_version_id is not null
		order by ev.position, r.position, p.rank, p.number nulls last`;
}

/** One entry's line in a result version, as the notice, the exports, the analysis and appeals list it. */
export interface VersionPlacing {
	resultVersionId: string;
	entryId: string;
	number: number | null;
	rank: number;
	/** Hundredths of a point. */
	total: number;
	components: Record<string, number>;
	tierLabel: string | null;
	specialAward: string | null;
	/** The holder's name and unit; null when asked without names (a blind round not yet revealed). */
	name: string | null;
	unit: string | null;
}

/** The placings of result versions, by version, rank, then number; names and units only `withNames`. */
export function listVersionPlacings(db: Db, organisationId: string, versionIds: string[], withNames: boolean): Promise<VersionPlacing[]> {
	if (versionIds.length === 0) return Promise.resolve([]);
	return db<VersionPlacing[]>`
		select p.result_version_id, p.entry_id, p.number, p.rank, p.total, p.components, p.tier_label, p.special_award,
			case when ${withNames} then ${holderName(db)} end as name, case when ${withNames} then e.unit end as unit
		from result_placing p join entry e on e.organisation_id = p.organisation_id and e.id = p.entry_id
		where p.organisation_id = ${organisationId} and p.result_version_id = any(${versionIds}::uuid[])
		order by p.result_version_id, p.rank, p.number nulls last, p.entry_id`;
}
