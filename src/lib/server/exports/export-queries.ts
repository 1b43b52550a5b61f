import type { Db } from '../db/client';
import { holderName } from '../results/placing-queries';

// What the Excel exports read (issue 17): the round with the result version they print, the judges'
// submitted and locked sheets, and the head judge (placings: results/placing-queries.ts). Every
// query is one organisation's.

export interface ExportRoundRow {
	id: string;
	name: string;
	blind: boolean;
	eventName: string;
	competitionId: string;
	competitionTitle: string;
	resultsRevealedAt: Date | null;
	scoresLockedAt: Date | null;
	/** The final version, else the published one, else the latest computed; null when none exists. */
	resultVersionId: string | null;
	resultVersion: number | null;
}

export async function getExportRound(db: Db, organisationId: string, roundId: string): Promise<ExportRoundRow | undefined> {
	const [row] = await db<ExportRoundRow[]>`
		select r.id, r.name, r.blind, e.name as event_name, c.id as competition_id, c.title as competition_title,
			r.results_revealed_at, r.scores_locked_at, v.id as result_version_id, v.version as result_version
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		left join lateral (
			select rv.id, rv.version from result_version rv
			where rv.organisation_id = r.organisation_id and rv.round_id = r.id
			order by (rv.id = r.final_version_id) desc, (rv.id = r.published_version_id) desc, rv.version desc
			limit 1
		) v on true
		where r.organisation_id = ${organisationId} and r.id = ${roundId}`;
	return row;
}

export interface ExportSheetRow {
	judgeId: string;
	judgeName: string;
	entryId: string;
	/** Marking number, else contestant number. */
	number: number | null;
	name: string;
	componentKey: string;
	scores: Record<string, number | null>;
	status: 'submitted' | 'locked';
}

/** The round's submitted and locked sheets, by judge name, component and number. */
export function listCountedSheets(db: Db, organisationId: string, roundId: string): Promise<ExportSheetRow[]> {
	return db<ExportSheetRow[]>`
		select s.judge_id, j.name as judge_name, s.entry_id, coalesce(re.marking_number, re.number) as number,
			${holderName(db)} as name, s.component_key, s.scores, s.status
		from score_sheet s
		join judge j on j.organisation_id = s.organisation_id and j.id = s.judge_id
		join entry e on e.organisation_id = s.organisation_id and e.id = s.entry_id
		left join round_entry re on re.organisation_id = s.organisation_id and re.round_id = s.round_id and re.entry_id = s.entry_id
		where s.organisation_id = ${organisationId} and s.round_id = ${roundId} and s.status in ('submitted', 'locked')
		order by j.name, s.judge_id, s.component_key, coalesce(re.marking_number, re.number) nulls last, s.entry_id`;
}

/** The names of the round's head judge(s) (裁判长), for the sign-off sheet's signature line. */
export async function listHeadJudgeNames(db: Db, organisationId: string, roundId: string): Promise<string[]> {
	const rows = await db<{ name: string }[]>`
		select j.name from panel_member p join judge j on j.organisation_id = p.organisation_id and j.id = p.judge_id
		where p.organisation_id = ${organisationId} and p.round_id = ${roundId} and p.role = 'head'
		order by j.name`;
	return rows.map((row) => row.name);
}
