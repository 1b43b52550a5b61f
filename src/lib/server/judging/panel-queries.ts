import type { Db } from '../db/client';

export type PanelRole = 'judge' | 'head' | 'encryption';
export const PANEL_ROLES: readonly PanelRole[] = ['judge', 'head', 'encryption'];
/** Roles that score: the head judge scores too unless the scheme says otherwise. */
export const SCORING_ROLES: readonly PanelRole[] = ['judge', 'head'];

export interface PanelSeat {
	judgeId: string;
	role: PanelRole;
}

export interface PanelMemberRow extends PanelSeat {
	name: string;
	unit: string;
}

export function listPanel(db: Db, organisationId: string, roundId: string): Promise<PanelMemberRow[]> {
	return db<PanelMemberRow[]>`
		select p.judge_id, p.role, j.name, j.unit
		from panel_member p join judge j on j.id = p.judge_id and j.organisation_id = p.organisation_id
		where p.organisation_id = ${organisationId} and p.round_id = ${roundId}
		order by case p.role when 'head' then 0 when 'judge' then 1 else 2 end, j.name`;
}

/** Replaces the round's whole panel (the caller has checked every judge belongs to the round's competition). */
export async function replacePanel(db: Db, organisationId: string, roundId: string, seats: PanelSeat[]): Promise<void> {
	await db`delete from panel_member where organisation_id = ${organisationId} and round_id = ${roundId}`;
	if (seats.length === 0) return;
	await db`
		insert into panel_member ${db(seats.map((seat) => ({ organisationId, roundId, judgeId: seat.judgeId, role: seat.role })), 'organisationId', 'roundId', 'judgeId', 'role')}`;
}

export interface RoundPanelCount {
	roundId: string;
	heads: number;
	judges: number;
}

/** For each round of the competition: how many head judges and scoring judges its panel has. */
export function countPanelsOfCompetition(db: Db, organisationId: string, competitionId: string): Promise<RoundPanelCount[]> {
	return db<RoundPanelCount[]>`
		select r.id as round_id,
			count(p.*) filter (where p.role = 'head')::int as heads,
			count(p.*) filter (where p.role = 'judge')::int as judges
		from round r join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		left join panel_member p on p.round_id = r.id and p.organisation_id = r.organisation_id
		where r.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		group by r.id`;
}
