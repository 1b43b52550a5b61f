import type { Db } from '../db/client';

export interface ObjectionRow {
	id: string;
	roundId: string;
	resultVersionId: string;
	objectorName: string;
	contactCipher: string;
	body: string;
	attachmentName: string | null;
	attachmentType: string | null;
	attachmentSize: number | null;
	attachmentKey: string | null;
	status: 'open' | 'answered';
	answer: string | null;
	answeredAt: Date | null;
	createdAt: Date;
}

const columns = (db: Db) => db`id, round_id, result_version_id, objector_name, contact_cipher, body, attachment_name, attachment_type, attachment_size, attachment_key, status, answer, answered_at, created_at`;

export interface NewObjection {
	roundId: string;
	resultVersionId: string;
	objectorName: string;
	contactCipher: string;
	body: string;
	attachment: { name: string; type: string; size: number; key: string } | null;
	ipHash: string;
}

export async function insertObjection(db: Db, organisationId: string, row: NewObjection): Promise<ObjectionRow> {
	const [inserted] = await db<ObjectionRow[]>`
		insert into objection (organisation_id, round_id, result_version_id, objector_name, contact_cipher, body, attachment_name, attachment_type, attachment_size, attachment_key, ip_hash)
		values (${organisationId}, ${row.roundId}, ${row.resultVersionId}, ${row.objectorName}, ${row.contactCipher}, ${row.body},
			${row.attachment?.name ?? null}, ${row.attachment?.type ?? null}, ${row.attachment?.size ?? null}, ${row.attachment?.key ?? null}, ${row.ipHash})
		returning ${columns(db)}`;
	return inserted!;
}

/** Objections one address lodged with the organisation since `since` (the rate limit). */
export async function countObjectionsFromAddress(db: Db, organisationId: string, ipHash: string, since: Date): Promise<number> {
	const [row] = await db<{ count: number }[]>`
		select count(*)::int as count from objection where organisation_id = ${organisationId} and ip_hash = ${ipHash} and created_at >= ${since}`;
	return row!.count;
}

/** Objections to the given rounds, oldest first. */
export function listObjectionsOfRounds(db: Db, organisationId: string, roundIds: string[]): Promise<ObjectionRow[]> {
	if (roundIds.length === 0) return Promise.resolve([]);
	return db<ObjectionRow[]>`
		select ${columns(db)} from objection where organisation_id = ${organisationId} and round_id = any(${roundIds}::uuid[]) order by created_at, id`;
}

export async function getObjection(db: Db, organisationId: string, id: string, forUpdate = false): Promise<ObjectionRow | undefined> {
	const [row] = forUpdate
		? await db<ObjectionRow[]>`select ${columns(db)} from objection where organisation_id = ${organisationId} and id = ${id} for update`
		: await db<ObjectionRow[]>`select ${columns(db)} from objection where organisation_id = ${organisationId} and id = ${id}`;
	return row;
}

export async function answerObjectionRow(db: Db, organisationId: string, id: string, answer: string, answeredBy: string): Promise<boolean> {
	const rows = await db`
		update objection set status = 'answered', answer = ${answer}, answered_by = ${answeredBy}, answered_at = now()
		where organisation_id = ${organisationId} and id = ${id}`;
	return rows.count > 0;
}
