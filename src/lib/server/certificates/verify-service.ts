import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { maskHolderName } from '$lib/domain/certificates/holder-mask';
import { findCertificateByCode } from './certificate-queries';

/** What anyone holding a certificate's code may see: the holder's name partly masked, never the unit or an ID number. */
export interface CertificateVerification {
	code: string;
	holder: string;
	award: string;
	competition: string;
	event: string;
	/** YYYY-MM-DD. */
	issuedOn: string;
	serial: string;
	status: 'valid' | 'revoked';
	revokedAt: string | null;
}

/** The public check behind /verify/<code> and GET /api/v1/verify/{code}; an unknown code is not_found. */
export async function verifyCertificate(code: string): Promise<CertificateVerification> {
	const certificate = await findCertificateByCode(db(), code);
	if (!certificate) throw new DomainError('not_found');
	return {
		code: certificate.verificationCode,
		holder: maskHolderName(certificate.holderName),
		award: certificate.awardLabel,
		competition: certificate.competitionTitle,
		event: certificate.eventName,
		issuedOn: certificate.issuedOn,
		serial: certificate.serial,
		status: certificate.revokedAt ? 'revoked' : 'valid',
		revokedAt: certificate.revokedAt?.toISOString() ?? null
	};
}
