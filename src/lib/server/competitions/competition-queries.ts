import type { Db } from '../db/client';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';
import type { CompetitionKind } from '$lib/domain/competition/template-kinds';

export type { CompetitionKind };

export interface CompetitionFields {
	kind: CompetitionKind;
	title: string;
	organiser: string;
	/** Calendar dates, YYYY-MM-DD. */
	startsOn: string | null;
	endsOn: string | null;
	venue: string;
	description: string;
	slug: string;
}

export interface CompetitionRow extends CompetitionFields {
	id: string;
	status: CompetitionStatus;
	createdAt: Date;
	updatedAt: Date;
}

// Dates stay calendar dates (YYYY-MM-DD), never instants, so no time zone can shift them.
const COLUMNS = 'id, kind, title, organiser, starts_on::text, ends_on::text, venue, description, slug, status, created_at, updated_at';

export async function insertCompetition(db: Db, organisationId: string, fields: CompetitionFields): Promise<CompetitionRow> {
	const [row] = await db<CompetitionRow[]>`
		insert into competition (organisation_id, kind, title, organiser, starts_on, ends_on, venue, description, slug)
		values (${organisationId}, ${fields.kind}, ${fields.title}, ${fields.organiser}, ${fields.startsOn}, ${fields.endsOn},
			${fields.venue}, ${fields.description}, ${fields.slug})
		returning ${db.unsafe(COLUMNS)}`;
	return row!;
}

export function listCompetitions(db: Db, organisationId: string): Promise<CompetitionRow[]> {
	return db<CompetitionRow[]>`
		select ${db.unsafe(COLUMNS)} from competition where organisation_id = ${organisationId} order by created_at desc`;
}

/** With `forUpdate`, the row stays locked until the transaction ends (status changes serialise). */
export async function getCompetition(db: Db, organisationId: string, id: string, forUpdate = false): Promise<CompetitionRow | undefined> {
	const [row] = await db<CompetitionRow[]>`
		select ${db.unsafe(COLUMNS)} from competition where organisation_id = ${organisationId} and id = ${id}
		${forUpdate ? db`for update` : db``}`;
	return row;
}

export async function updateCompetition(db: Db, organisationId: string, id: string, fields: Omit<CompetitionFields, 'kind'>): Promise<CompetitionRow> {
	const [row] = await db<CompetitionRow[]>`
		update competition set title = ${fields.title}, organiser = ${fields.organiser}, starts_on = ${fields.startsOn},
			ends_on = ${fields.endsOn}, venue = ${fields.venue}, description = ${fields.description}, slug = ${fields.slug}, updated_at = now()
		where organisation_id = ${organisationId} and id = ${id}
		returning ${db.unsafe(COLUMNS)}`;
	return row!;
}

export async function updateCompetitionStatus(db: Db, organisationId: string, id: string, status: CompetitionStatus): Promise<void> {
	await db`update competition set status = ${status}, updated_at = now() where organisation_id = ${organisationId} and id = ${id}`;
}
