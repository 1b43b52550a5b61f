import type { Db } from '../db/client';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

export interface EventRow {
	id: string;
	competitionId: string;
	name: string;
	participation: 'individual' | 'team';
	capacity: number | null;
	position: number;
}

export interface RoundRow {
	id: string;
	eventId: string;
	competitionId: string;
	competitionStatus: CompetitionStatus;
	name: string;
	position: number;
	blind: boolean;
}

export type EventFields = Pick<EventRow, 'name' | 'participation' | 'capacity'>;
export type RoundFields = Pick<RoundRow, 'name' | 'blind'>;

export async function insertEvent(db: Db, organisationId: string, competitionId: string, fields: EventFields): Promise<EventRow> {
	const [row] = await db<EventRow[]>`
		insert into event (organisation_id, competition_id, name, participation, capacity, position)
		values (${organisationId}, ${competitionId}, ${fields.name}, ${fields.participation}, ${fields.capacity},
			(select coalesce(max(position), 0) + 1 from event where competition_id = ${competitionId}))
		returning id, competition_id, name, participation, capacity, position`;
	return row!;
}

export function listEvents(db: Db, organisationId: string, competitionId: string): Promise<EventRow[]> {
	return db<EventRow[]>`
		select id, competition_id, name, participation, capacity, position from event
		where organisation_id = ${organisationId} and competition_id = ${competitionId} order by position`;
}

export async function getEvent(db: Db, organisationId: string, id: string): Promise<EventRow | undefined> {
	const [row] = await db<EventRow[]>`
		select id, competition_id, name, participation, capacity, position from event
		where organisation_id = ${organisationId} and id = ${id}`;
	return row;
}

export async function updateEvent(db: Db, organisationId: string, id: string, fields: EventFields): Promise<EventRow> {
	const [row] = await db<EventRow[]>`
		update event set name = ${fields.name}, participation = ${fields.participation}, capacity = ${fields.capacity}
		where organisation_id = ${organisationId} and id = ${id}
		returning id, competition_id, name, participation, capacity, position`;
	return row!;
}

export async function deleteEvent(db: Db, organisationId: string, id: string): Promise<void> {
	await db`delete from event where organisation_id = ${organisationId} and id = ${id}`;
}

export async function insertRound(db: Db, organisationId: string, eventId: string, fields: RoundFields): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into round (organisation_id, event_id, name, blind, position)
		values (${organisationId}, ${eventId}, ${fields.name}, ${fields.blind},
			(select coalesce(max(position), 0) + 1 from round where event_id = ${eventId}))
		returning id`;
	return row!.id;
}

const ROUND_SELECT = 'r.id, r.event_id, e.competition_id, c.status as competition_status, r.name, r.position, r.blind';

export function listRoundsOfCompetition(db: Db, organisationId: string, competitionId: string): Promise<RoundRow[]> {
	return db<RoundRow[]>`
		select ${db.unsafe(ROUND_SELECT)}
		from round r join event e on e.id = r.event_id join competition c on c.id = e.competition_id
		where r.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		order by e.position, r.position`;
}

export async function getRound(db: Db, organisationId: string, id: string): Promise<RoundRow | undefined> {
	const [row] = await db<RoundRow[]>`
		select ${db.unsafe(ROUND_SELECT)}
		from round r join event e on e.id = r.event_id join competition c on c.id = e.competition_id
		where r.organisation_id = ${organisationId} and r.id = ${id}`;
	return row;
}

export async function updateRound(db: Db, organisationId: string, id: string, fields: RoundFields): Promise<void> {
	await db`update round set name = ${fields.name}, blind = ${fields.blind} where organisation_id = ${organisationId} and id = ${id}`;
}

export async function deleteRound(db: Db, organisationId: string, id: string): Promise<void> {
	await db`delete from round where organisation_id = ${organisationId} and id = ${id}`;
}
