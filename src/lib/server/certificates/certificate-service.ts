import { randomBytes } from 'node:crypto';
import { db } from '../db/client';
import type { Db } from '../db/client';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../domain-error';
import { loadCompetition } from '../competitions/guards';
import { listFinalPlacings, type FinalPlacing } from '../results/placing-queries';
import { formatSerial, shanghaiDate, shanghaiYear } from '$lib/domain/certificates/serial';
import { verificationCode } from '$lib/domain/certificates/verification-code';
import { ensureCertificateTemplate, reserveSerialNumbers, type CertificateTemplateRow } from './template-queries';
import {
	getCertificate,
	insertCertificates,
	listCertificates,
	listCertificatesOfRegistrant,
	listIssuedKeys,
	revokeCertificate as revokeRow,
	type CertificateRow,
	type NewCertificate
} from './certificate-queries';

export type { CertificateRow };

interface Award {
	placing: FinalPlacing;
	kind: 'tier' | 'special';
	label: string;
}

/** What a final placing earns a certificate for: its tier (一等奖…) and, separately, a special award. */
function awardsOf(placing: FinalPlacing): Award[] {
	const awards: Award[] = [];
	if (placing.tierLabel) awards.push({ placing, kind: 'tier', label: placing.tierLabel });
	if (placing.specialAward) awards.push({ placing, kind: 'special', label: placing.specialAward });
	return awards;
}

/** The competition's template, for the services that print or edit it. */
export async function templateOf(tx: Db, actor: OrgActor, competitionId: string): Promise<CertificateTemplateRow> {
	const template = await ensureCertificateTemplate(tx, actor.organisation.id, competitionId);
	if (!template) throw new DomainError('not_found');
	return template;
}

/**
 * Issues a certificate for every final placing with a tier or a special award that has none yet.
 * Idempotent: what was issued keeps its serial and code, and a second call adds nothing. Calls for one
 * competition queue on a transaction lock; serials come from the organisation's counter, so they never
 * repeat across competitions or concurrent calls.
 */
export async function issueCertificates(actor: OrgActor, competitionId: string, now = new Date()): Promise<{ issued: number; total: number }> {
	requireRole(actor, MANAGER_ROLES);
	const organisationId = actor.organisation.id;
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId);
		await tx`select pg_advisory_xact_lock(hashtextextended(${`certificates:${competition.id}`}, 0))`;
		const template = await templateOf(tx, actor, competition.id);
		const issued = await listIssuedKeys(tx, organisationId, competition.id);
		const missing = (await listFinalPlacings(tx, organisationId, competition.id))
			.flatMap(awardsOf)
			.filter((award) => !issued.has(`${award.placing.roundId}:${award.placing.entryId}:${award.kind}`));
		if (missing.length === 0) return { issued: 0, total: issued.size };
		const year = shanghaiYear(now);
		const first = await reserveSerialNumbers(tx, organisationId, template.serialPrefix, year, missing.length);
		const rows: NewCertificate[] = missing.map((award, index) => ({
			competitionId: competition.id,
			roundId: award.placing.roundId,
			entryId: award.placing.entryId,
			resultVersionId: award.placing.resultVersionId,
			awardKind: award.kind,
			awardLabel: award.label,
			holderName: award.placing.holderName,
			unit: award.placing.unit,
			eventName: award.placing.eventName,
			competitionTitle: competition.title,
			issuedOn: shanghaiDate(now),
			serial: formatSerial({ prefix: template.serialPrefix, width: template.serialWidth }, year, first + index),
			verificationCode: verificationCode((size) => randomBytes(size))
		}));
		const inserted = await insertCertificates(tx, organisationId, rows, actor.user.id);
		await recordAudit(tx, actor, {
			action: 'certificates.issued',
			subjectType: 'competition',
			subjectId: competition.id,
			subjectLabel: `${competition.title}：${rows[0]!.serial} … ${rows.at(-1)!.serial}（${inserted}）`,
			after: { issued: inserted, firstSerial: rows[0]!.serial, lastSerial: rows.at(-1)!.serial }
		});
		return { issued: inserted, total: issued.size + inserted };
	});
}

export async function listCompetitionCertificates(actor: OrgActor, competitionId: string): Promise<{ competition: { id: string; title: string; slug: string }; certificates: CertificateRow[] }> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	return { competition: { id: competition.id, title: competition.title, slug: competition.slug }, certificates: await listCertificates(db(), actor.organisation.id, competition.id) };
}

export async function loadCertificate(actor: OrgActor, certificateId: string): Promise<CertificateRow> {
	requireRole(actor, MANAGER_ROLES);
	const certificate = await getCertificate(db(), actor.organisation.id, certificateId);
	if (!certificate) throw new DomainError('not_found');
	return certificate;
}

/** Revokes a certificate with the organiser's reason; the public verification page then says so. Audited. */
export async function revokeCertificate(actor: OrgActor, certificateId: string, reason: string, competitionId?: string): Promise<CertificateRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const current = await getCertificate(tx, actor.organisation.id, certificateId);
		// From a competition's page: a certificate of another competition is not there.
		if (!current || (competitionId && current.competitionId !== competitionId)) throw new DomainError('not_found');
		const revoked = await revokeRow(tx, actor.organisation.id, certificateId, reason, actor.user.id);
		if (!revoked) throw new DomainError('certificate_already_revoked');
		await recordAudit(tx, actor, {
			action: 'certificate.revoked',
			subjectType: 'certificate',
			subjectId: revoked.id,
			subjectLabel: `${revoked.serial} ${revoked.holderName} · ${revoked.awardLabel}（${reason}）`,
			after: { serial: revoked.serial, reason }
		});
		return revoked;
	});
}

/** A contestant's own certificates (of the entries they registered), in any organisation. */
export async function listMyCertificates(actor: Actor): Promise<(CertificateRow & { organisationId: string })[]> {
	return listCertificatesOfRegistrant(db(), actor.user.id);
}

/** One of the contestant's own certificates; anyone else's is not_found. */
export async function loadMyCertificate(actor: Actor, certificateId: string): Promise<CertificateRow & { organisationId: string }> {
	const certificate = (await listMyCertificates(actor)).find((row) => row.id === certificateId);
	if (!certificate) throw new DomainError('not_found');
	return certificate;
}
