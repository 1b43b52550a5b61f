import type { Db } from '../db/client';
import type { PanelRole } from './panel-queries';

// What a signed-in judge may see is found from their own account: the judge rows linked to it and the
// panels those sit on. These look-ups start from the user, so they cross no organisation's boundary.

export interface SeatRow {
	organisationId: string;
	organisationName: string;
	organisationSlug: string;
	competitionId: string;
	competitionTitle: string;
	eventName: string;
	roundId: string;
	roundName: string;
	blind: boolean;
	judgeId: string;
	role: PanelRole;
}

const SEAT_SELECT = `p.organisation_id, o.name as organisation_name, o.slug as organisation_slug, c.id as competition_id, c.title as competition_title,
	e.name as event_name, r.id as round_id, r.name as round_name, r.blind, j.id as judge_id, p.role`;
const SEAT_FROM = `panel_member p
	join judge j on j.id = p.judge_id and j.organisation_id = p.organisation_id
	join round r on r.id = p.round_id and r.organisation_id = p.organisation_id
	join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
	join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
	join organisation o on o.id = p.organisation_id`;

/** Every panel seat of the person, newest competition first. */
export function listSeatsOfUser(db: Db, userId: string): Promise<SeatRow[]> {
	return db<SeatRow[]>`
		select ${db.unsafe(SEAT_SELECT)} from ${db.unsafe(SEAT_FROM)}
		where j.user_id = ${userId}
		order by c.created_at desc, e.position, r.position, p.role`;
}

/** The person's seats on one round's panel (one row per role). */
export function listSeatsOfUserInRound(db: Db, userId: string, roundId: string): Promise<SeatRow[]> {
	return db<SeatRow[]>`
		select ${db.unsafe(SEAT_SELECT)} from ${db.unsafe(SEAT_FROM)}
		where j.user_id = ${userId} and p.round_id = ${roundId}`;
}

/** The judge rows linked to the person (on a panel or not), for the judge's own page. */
export function listJudgeRowsOfUser(db: Db, userId: string): Promise<{ judgeId: string; organisationName: string; competitionTitle: string }[]> {
	return db`
		select j.id as judge_id, o.name as organisation_name, c.title as competition_title
		from judge j join competition c on c.id = j.competition_id and c.organisation_id = j.organisation_id
		join organisation o on o.id = j.organisation_id
		where j.user_id = ${userId} order by c.created_at desc`;
}
