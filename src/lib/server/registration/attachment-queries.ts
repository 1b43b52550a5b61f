import type { Db } from '../db/client';

/**
 * Of these attachment ids, those an entry may take: uploaded to this competition, not attached to
 * another entry, and (for a contestant) uploaded by that contestant.
 */
export async function findClaimableAttachments(
	db: Db,
	organisationId: string,
	competitionId: string,
	ids: string[],
	uploadedBy: string | null,
	entryId: string | null
): Promise<string[]> {
	if (ids.length === 0) return [];
	const rows = await db<{ id: string }[]>`
		select id from attachment
		where organisation_id = ${organisationId} and competition_id = ${competitionId} and id = any(${ids}::uuid[])
			and (entry_id is null or entry_id = ${entryId})
			and (${uploadedBy}::uuid is null or uploaded_by = ${uploadedBy})`;
	return rows.map((row) => row.id);
}

export async function linkAttachments(db: Db, organisationId: string, entryId: string, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	await db`update attachment set entry_id = ${entryId} where organisation_id = ${organisationId} and id = any(${ids}::uuid[])`;
}

export interface AttachmentRow {
	id: string;
	organisationId: string;
	competitionId: string;
	entryId: string | null;
	fieldKey: string;
	originalName: string;
	contentType: string;
	sizeBytes: number;
	storageKey: string;
	uploadedBy: string | null;
}

export async function insertAttachment(
	db: Db,
	organisationId: string,
	row: { competitionId: string; fieldKey: string; originalName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedBy: string }
): Promise<AttachmentRow> {
	const [inserted] = await db<AttachmentRow[]>`
		insert into attachment (organisation_id, competition_id, field_key, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
		values (${organisationId}, ${row.competitionId}, ${row.fieldKey}, ${row.originalName}, ${row.contentType}, ${row.sizeBytes}, ${row.sha256}, ${row.storageKey}, ${row.uploadedBy})
		returning id, organisation_id, competition_id, entry_id, field_key, original_name, content_type, size_bytes, storage_key, uploaded_by`;
	return inserted!;
}

export async function getAttachment(db: Db, organisationId: string, id: string): Promise<AttachmentRow | undefined> {
	const [row] = await db<AttachmentRow[]>`
		select id, organisation_id, competition_id, entry_id, field_key, original_name, content_type, size_bytes, storage_key, uploaded_by
		from attachment where organisation_id = ${organisationId} and id = ${id}`;
	return row;
}

/** Names of these attachments of one uploader (to show on a form again after a mistake). */
export function listAttachmentNames(db: Db, organisationId: string, ids: string[], uploadedBy: string): Promise<{ id: string; fieldKey: string; originalName: string }[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return db<{ id: string; fieldKey: string; originalName: string }[]>`
		select id, field_key, original_name from attachment
		where organisation_id = ${organisationId} and id = any(${ids}::uuid[]) and uploaded_by = ${uploadedBy} order by created_at`;
}

/** Whether the person is on a panel of the competition as a judge (any role). */
export async function isJudgeOfCompetition(db: Db, organisationId: string, competitionId: string, userId: string): Promise<boolean> {
	const [row] = await db<{ found: boolean }[]>`
		select exists (
			select 1 from judge j join panel_member p on p.judge_id = j.id and p.organisation_id = j.organisation_id
			where j.organisation_id = ${organisationId} and j.competition_id = ${competitionId} and j.user_id = ${userId}
		) as found`;
	return row!.found;
}

/** An attachment by the person who uploaded it (a contestant, whatever the organisation). */
export async function findOwnAttachment(db: Db, id: string, uploadedBy: string): Promise<AttachmentRow | undefined> {
	const [row] = await db<AttachmentRow[]>`
		select id, organisation_id, competition_id, entry_id, field_key, original_name, content_type, size_bytes, storage_key, uploaded_by
		from attachment where id = ${id} and uploaded_by = ${uploadedBy}`;
	return row;
}
