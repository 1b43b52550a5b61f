import type { Db } from '../db/client';

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
			coalesce(e.team_name, first_member.name) as holder_name, e.unit,
			r.finalised_at
		from round r
		join event ev on ev.organisation_id = r.organisation_id and ev.id = r.event_id
		join result_placing p on p.organisation_id = r.organisation_id and p.result_version_id = r.final_version_id
		join entry e on e.organisation_id = p.organisation_id and e.id = p.entry_id
		left join lateral (
			select m.name from entry_member m
			where m.organisation_id = e.organisation_id and m.entry_id = e.id
			order by m.position limit 1
		) first_member on true
		where r.organisation_id = ${organisationId} and ev.competition_id = ${competitionId} and r.final_version_id is not null
		order by ev.position, r.position, p.rank, p.number nulls last`;
}
