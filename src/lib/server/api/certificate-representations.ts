import type { CertificateRow } from '../certificates/certificate-queries';
import type { CertificateTemplateRow } from '../certificates/template-queries';

// Certificates in the API's shapes (see schemas/api/certificates.ts): instants as ISO strings.

export const toApiCertificate = (row: CertificateRow) => ({
	id: row.id,
	competitionId: row.competitionId,
	roundId: row.roundId,
	entryId: row.entryId,
	awardKind: row.awardKind,
	awardLabel: row.awardLabel,
	holderName: row.holderName,
	unit: row.unit,
	eventName: row.eventName,
	competitionTitle: row.competitionTitle,
	issuedOn: row.issuedOn,
	serial: row.serial,
	verificationCode: row.verificationCode,
	revokedAt: row.revokedAt?.toISOString() ?? null,
	revokeReason: row.revokeReason
});

export const toApiTemplate = (row: CertificateTemplateRow) => ({
	competitionId: row.competitionId,
	orientation: row.orientation,
	title: row.title,
	organiserLine: row.organiserLine,
	body: row.body,
	printedOn: row.printedOn,
	hasSeal: row.sealStorageKey !== null,
	serialPrefix: row.serialPrefix,
	serialWidth: row.serialWidth,
	updatedAt: row.updatedAt.toISOString()
});
