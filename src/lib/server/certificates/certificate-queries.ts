import type { Db } from '../db/client';

export interface CertificateRow {
	id: string;
	competitionId: string;
	roundId: string;
	entryId: string;
	awardKind: 'tier' | 'special';
	awardLabel: string;
	holderName: string;
	unit: string;
	eventName: string;
	competitionTitle: string;
	/** YYYY-MM-DD (Shanghai). */
	issuedOn: string;
	serial: string;
	verificationCode: string;
	revokedAt: Date | null;
	revokeReason: string | null;
	createdAt: Date;
}

export type NewCertificate = Omit<CertificateRow, 'id' | 'revokedAt' | 'revokeReason' | 'createdAt'> & { resultVersionId: string };

const COLUMNS = `id, competition_id, round_id, entry_id, award_kind, award_label, holder_name, unit, event_name, competition_title,
	issued_on::text as issued_on, serial, verification_code, revoked_at, revoke_reason, created_at`;

export async function listCertificates(db: Db, organisationId: string, competitionId: string): Promise<CertificateRow[]> {
	return db<CertificateRow[]>`
		select ${db.unsafe(COLUMNS)} from certificate
		where organisation_id = ${organisationId} and competition_id = ${competitionId}
		order by serial`;
}

export async function getCertificate(db: Db, organisationId: string, certificateId: string): Promise<CertificateRow | undefined> {
	const [row] = await db<CertificateRow[]>`
		select ${db.unsafe(COLUMNS)} from certificate where organisation_id = ${organisationId} and id = ${certificateId}`;
	return row;
}

/** The (round, entry, award kind) keys already issued in the competition: re-issuing skips them. */
export async function listIssuedKeys(db: Db, organisationId: string, competitionId: string): Promise<Set<string>> {
	const rows = await db<{ roundId: string; entryId: string; awardKind: string }[]>`
		select round_id, entry_id, award_kind from certificate where organisation_id = ${organisationId} and competition_id = ${competitionId}`;
	return new Set(rows.map((row) => `${row.roundId}:${row.entryId}:${row.awardKind}`));
}

export async function insertCertificates(db: Db, organisationId: string, certificates: NewCertificate[], userId: string): Promise<number> {
	if (certificates.length === 0) return 0;
	const rows = certificates.map((certificate) => ({
		organisation_id: organisationId,
		competition_id: certificate.competitionId,
		round_id: certificate.roundId,
		entry_id: certificate.entryId,
		result_version_id: certificate.resultVersionId,
		award_kind: certificate.awardKind,
		award_label: certificate.awardLabel,
		holder_name: certificate.holderName,
		unit: certificate.unit,
		event_name: certificate.eventName,
		competition_title: certificate.competitionTitle,
		issued_on: certificate.issuedOn,
		serial: certificate.serial,
		verification_code: certificate.verificationCode,
		issued_by: userId
	}));
	const inserted = await db`insert into certificate ${db(rows)} on conflict (organisation_id, round_id, entry_id, award_kind) do nothing returning id`;
	return inserted.length;
}

export async function revokeCertificate(db: Db, organisationId: string, certificateId: string, reason: string, userId: string): Promise<CertificateRow | undefined> {
	const [row] = await db<CertificateRow[]>`
		update certificate set revoked_at = now(), revoked_by = ${userId}, revoke_reason = ${reason}
		where organisation_id = ${organisationId} and id = ${certificateId} and revoked_at is null
		returning ${db.unsafe(COLUMNS)}`;
	return row;
}

/** The certificates of entries the user registered (a contestant's own). */
export async function listCertificatesOfRegistrant(db: Db, userId: string): Promise<(CertificateRow & { organisationId: string })[]> {
	return db<(CertificateRow & { organisationId: string })[]>`
		select c.organisation_id, ${db.unsafe(COLUMNS.replace(/(^|,\s*)(\w)/g, '$1c.$2'))}
		from certificate c join entry e on e.organisation_id = c.organisation_id and e.id = c.entry_id
		where e.registrant_id = ${userId}
		order by c.created_at`;
}

/** A certificate by its public verification code, in any organisation (the code is the secret). */
export async function findCertificateByCode(db: Db, code: string): Promise<(CertificateRow & { organisationId: string }) | undefined> {
	const [row] = await db<(CertificateRow & { organisationId: string })[]>`
		select organisation_id, ${db.unsafe(COLUMNS)} from certificate where verification_code = ${code}`;
	return row;
}

export async function startBundleProgress(db: Db, organisationId: string, competitionId: string, id: string, total: number): Promise<void> {
	await db`delete from certificate_bundle_progress where organisation_id = ${organisationId} and updated_at < now() - interval '1 day'`;
	await db`insert into certificate_bundle_progress (id, organisation_id, competition_id, total)
		select ${id}::uuid, organisation_id, id, ${total}::integer from competition where organisation_id = ${organisationId} and id = ${competitionId}
		on conflict (id) do nothing`;
}

export async function recordBundleProgress(db: Db, organisationId: string, id: string, done: number, finished: boolean): Promise<void> {
	await db`update certificate_bundle_progress set done = ${done}, finished = ${finished}, updated_at = now() where organisation_id = ${organisationId} and id = ${id}`;
}

export async function getBundleProgress(db: Db, organisationId: string, competitionId: string, id: string): Promise<{ done: number; total: number; finished: boolean } | undefined> {
	const [row] = await db<{ done: number; total: number; finished: boolean }[]>`
		select done, total, finished from certificate_bundle_progress where organisation_id = ${organisationId} and competition_id = ${competitionId} and id = ${id}`;
	return row;
}
