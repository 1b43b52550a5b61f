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
