import type { Db } from '../db/client';

export interface CertificateTemplateRow {
	competitionId: string;
	orientation: 'landscape' | 'portrait';
	title: string;
	organiserLine: string;
	body: string;
	/** YYYY-MM-DD, or null for each certificate's issue date. */
	printedOn: string | null;
	sealStorageKey: string | null;
	serialPrefix: string;
	serialWidth: number;
	updatedAt: Date;
}

export type CertificateTemplateFields = Pick<CertificateTemplateRow, 'orientation' | 'title' | 'organiserLine' | 'body' | 'printedOn' | 'serialPrefix' | 'serialWidth'>;

const COLUMNS = 'competition_id, orientation, title, organiser_line, body, printed_on::text as printed_on, seal_storage_key, serial_prefix, serial_width, updated_at';

/** The competition's template, made with the defaults the first time anyone asks for it. */
export async function ensureCertificateTemplate(db: Db, organisationId: string, competitionId: string): Promise<CertificateTemplateRow | undefined> {
	await db`insert into certificate_template (organisation_id, competition_id)
		select organisation_id, id from competition where organisation_id = ${organisationId} and id = ${competitionId}
		on conflict do nothing`;
	const [row] = await db<CertificateTemplateRow[]>`
		select ${db.unsafe(COLUMNS)} from certificate_template where organisation_id = ${organisationId} and competition_id = ${competitionId}`;
	return row;
}

export async function updateCertificateTemplate(db: Db, organisationId: string, competitionId: string, fields: CertificateTemplateFields, userId: string): Promise<CertificateTemplateRow | undefined> {
	const [row] = await db<CertificateTemplateRow[]>`
		update certificate_template set orientation = ${fields.orientation}, title = ${fields.title}, organiser_line = ${fields.organiserLine},
			body = ${fields.body}, printed_on = ${fields.printedOn}, serial_prefix = ${fields.serialPrefix}, serial_width = ${fields.serialWidth},
			updated_by = ${userId}, updated_at = now()
		where organisation_id = ${organisationId} and competition_id = ${competitionId}
		returning ${db.unsafe(COLUMNS)}`;
	return row;
}

export async function setCertificateSeal(db: Db, organisationId: string, competitionId: string, storageKey: string | null, userId: string): Promise<string | null> {
	const [previous] = await db<{ sealStorageKey: string | null }[]>`
		select seal_storage_key from certificate_template where organisation_id = ${organisationId} and competition_id = ${competitionId} for update`;
	await db`update certificate_template set seal_storage_key = ${storageKey}, updated_by = ${userId}, updated_at = now()
		where organisation_id = ${organisationId} and competition_id = ${competitionId}`;
	return previous?.sealStorageKey ?? null;
}

/**
 * Takes `count` sequence numbers for (organisation, prefix, year) and returns the first. The counter row
 * is created or bumped in one statement under its row lock: concurrent callers queue on it, so no two
 * ever get the same number, and the numbers are never given back.
 */
export async function reserveSerialNumbers(db: Db, organisationId: string, prefix: string, year: number, count: number): Promise<number> {
	const [row] = await db<{ lastValue: number }[]>`
		insert into certificate_serial_counter as counter (organisation_id, prefix, year, last_value) values (${organisationId}, ${prefix}, ${year}, ${count})
		on conflict (organisation_id, prefix, year) do update set last_value = counter.last_value + ${count}
		returning last_value`;
	return row!.lastValue - count + 1;
}
