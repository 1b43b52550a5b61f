import type { Db } from '../db/client';

export interface JudgeFields {
	name: string;
	unit: string;
	phone: string;
	specialty: string;
	email: string | null;
}

export interface JudgeRow extends JudgeFields {
	id: string;
	competitionId: string;
	userId: string | null;
	createdAt: Date;
}

const COLUMNS = 'id, competition_id, user_id, name, unit, phone, specialty, email, created_at';

export async function insertJudge(db: Db, organisationId: string, competitionId: string, fields: JudgeFields): Promise<JudgeRow> {
	const [row] = await db<JudgeRow[]>`
		insert into judge (organisation_id, competition_id, name, unit, phone, specialty, email)
		values (${organisationId}, ${competitionId}, ${fields.name}, ${fields.unit}, ${fields.phone}, ${fields.specialty}, ${fields.email})
		returning ${db.unsafe(COLUMNS)}`;
	return row!;
}

/** The roster of a competition, by name (pinyin order is not needed: organisers scan it by eye). */
export function listJudges(db: Db, organisationId: string, competitionId: string): Promise<JudgeRow[]> {
	return db<JudgeRow[]>`
		select ${db.unsafe(COLUMNS)} from judge
		where organisation_id = ${organisationId} and competition_id = ${competitionId}
		order by name, created_at`;
}

export async function getJudge(db: Db, organisationId: string, id: string, forUpdate = false): Promise<JudgeRow | undefined> {
	const [row] = await db<JudgeRow[]>`
		select ${db.unsafe(COLUMNS)} from judge where organisation_id = ${organisationId} and id = ${id}
		${forUpdate ? db`for update` : db``}`;
	return row;
}

export async function updateJudge(db: Db, organisationId: string, id: string, fields: JudgeFields): Promise<JudgeRow | undefined> {
	const [row] = await db<JudgeRow[]>`
		update judge set name = ${fields.name}, unit = ${fields.unit}, phone = ${fields.phone}, specialty = ${fields.specialty}, email = ${fields.email}
		where organisation_id = ${organisationId} and id = ${id}
		returning ${db.unsafe(COLUMNS)}`;
	return row;
}

export async function deleteJudge(db: Db, organisationId: string, id: string): Promise<boolean> {
	const rows = await db`delete from judge where organisation_id = ${organisationId} and id = ${id} returning id`;
	return rows.length > 0;
}

/** Links the judge to an account; false when the judge is gone or that account already judges this competition. */
export async function linkJudgeUser(db: Db, organisationId: string, judgeId: string, userId: string): Promise<boolean> {
	const rows = await db`
		update judge set user_id = ${userId}
		where organisation_id = ${organisationId} and id = ${judgeId}
			and not exists (select 1 from judge other where other.competition_id = judge.competition_id and other.user_id = ${userId} and other.id <> judge.id)
		returning id`;
	return rows.length > 0;
}
