import type { Db } from '../db/client';

/**
 * For the lifecycle (`hasDraw`): true when the competition has events and every event's first round
 * has run draw stage 1 (its contestants have numbers).
 */
export async function competitionHasDraw(conn: Db, organisationId: string, competitionId: string): Promise<boolean> {
	const [row] = await conn<{ events: number; drawn: number }[]>`
		select count(*)::int as events,
			count(*) filter (where exists (
				select 1 from round r join draw d on d.round_id = r.id and d.organisation_id = r.organisation_id
				where r.organisation_id = ${organisationId} and r.event_id = e.id and d.stage = 1 and d.ran_at is not null
					and r.position = (select min(position) from round where event_id = e.id)
			))::int as drawn
		from event e where e.organisation_id = ${organisationId} and e.competition_id = ${competitionId}`;
	return row!.events > 0 && row!.events === row!.drawn;
}
