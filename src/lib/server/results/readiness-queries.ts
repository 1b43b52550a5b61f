import type { Db } from '../db/client';

/**
 * Whether a competition's results are out, for its lifecycle (DESIGN §2): in every event, the last
 * round that holds entries has a version on public notice (`hasResults`), and every such notice
 * window has ended (`noticeClosed`). Earlier rounds (a preliminary that only chose who advances) need
 * no notice of their own. A competition without any round holding entries has no results.
 */
export async function competitionResultsReadiness(db: Db, organisationId: string, competitionId: string): Promise<{ hasResults: boolean; noticeClosed: boolean }> {
	const [row] = await db<{ rounds: number; published: number; closed: number }[]>`
		with last_rounds as (
			select distinct on (r.event_id) r.published_version_id, r.notice_ends_at
			from round r join event e on e.organisation_id = r.organisation_id and e.id = r.event_id
			where r.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
				and exists (select 1 from round_entry re where re.organisation_id = r.organisation_id and re.round_id = r.id)
			order by r.event_id, r.position desc
		)
		select count(*)::int as rounds,
			count(*) filter (where published_version_id is not null)::int as published,
			count(*) filter (where published_version_id is not null and notice_ends_at <= now())::int as closed
		from last_rounds`;
	const hasResults = row!.rounds > 0 && row!.published === row!.rounds;
	return { hasResults, noticeClosed: hasResults && row!.closed === row!.rounds };
}
