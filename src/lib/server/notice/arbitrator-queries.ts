import type { Db } from '../db/client';

export interface ArbitratorRow {
	userId: string;
	displayName: string;
	email: string | null;
	createdAt: Date;
}

/** The arbitration group (仲裁组) of a competition, by name. */
export function listArbitrators(db: Db, organisationId: string, competitionId: string): Promise<ArbitratorRow[]> {
	return db<ArbitratorRow[]>`
		select a.user_id, u.display_name, u.email, a.created_at
		from arbitrator a join app_user u on u.id = a.user_id
		where a.organisation_id = ${organisationId} and a.competition_id = ${competitionId}
		order by u.display_name, a.user_id`;
}

/** Seats a member of the organisation; false when they are not a member (the foreign key) or already seated. */
export async function insertArbitrator(db: Db, organisationId: string, competitionId: string, userId: string, createdBy: string): Promise<boolean> {
	const rows = await db`
		insert into arbitrator (organisation_id, competition_id, user_id, created_by)
		select ${organisationId}, ${competitionId}, ${userId}, ${createdBy}
		where exists (select 1 from membership where organisation_id = ${organisationId} and user_id = ${userId})
			and exists (select 1 from competition where organisation_id = ${organisationId} and id = ${competitionId})
		on conflict do nothing`;
	return rows.count > 0;
}

export async function deleteArbitrator(db: Db, organisationId: string, competitionId: string, userId: string): Promise<boolean> {
	const rows = await db`delete from arbitrator where organisation_id = ${organisationId} and competition_id = ${competitionId} and user_id = ${userId}`;
	return rows.count > 0;
}

export async function isArbitrator(db: Db, organisationId: string, competitionId: string, userId: string): Promise<boolean> {
	const [row] = await db<{ found: boolean }[]>`
		select exists (select 1 from arbitrator where organisation_id = ${organisationId} and competition_id = ${competitionId} and user_id = ${userId}) as found`;
	return row!.found;
}
