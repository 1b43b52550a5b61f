import { z } from 'zod';

// Response shapes of the certificate endpoints (OpenAPI only).

export const certificateSchema = z
	.object({
		id: z.uuid(),
		competitionId: z.uuid(),
		roundId: z.uuid(),
		entryId: z.uuid(),
		awardKind: z.enum(['tier', 'special']).meta({ description: 'A placing’s tier (一等奖) or a special award given by hand (工匠特别奖).' }),
		awardLabel: z.string(),
		holderName: z.string().meta({ description: 'The team’s name, or the member’s, as it was when issued.' }),
		unit: z.string(),
		eventName: z.string(),
		competitionTitle: z.string(),
		issuedOn: z.string().meta({ description: 'YYYY-MM-DD (Shanghai).' }),
		serial: z.string().meta({ example: 'AJGJ-2026-0001' }),
		verificationCode: z.string().meta({ description: 'What the QR code carries: /verify/<code>.', example: 'K7QH3XR9MNP2' }),
		revokedAt: z.string().nullable(),
		revokeReason: z.string().nullable()
	})
	.meta({ id: 'Certificate' });

export const certificateListSchema = z.object({ certificates: z.array(certificateSchema) }).meta({ id: 'CertificateList' });

export const issueResultSchema = z
	.object({
		issued: z.number().int().meta({ description: 'Certificates added by this call (0 when everything was issued before).' }),
		total: z.number().int().meta({ description: 'Certificates of the competition after the call.' })
	})
	.meta({ id: 'CertificatesIssued' });

export const certificateTemplateSchema = z
	.object({
		competitionId: z.uuid(),
		orientation: z.enum(['landscape', 'portrait']),
		title: z.string(),
		organiserLine: z.string(),
		body: z.string(),
		printedOn: z.string().nullable(),
		hasSeal: z.boolean().meta({ description: 'Whether a seal image is set (uploaded on the template page).' }),
		serialPrefix: z.string(),
		serialWidth: z.number().int(),
		updatedAt: z.string()
	})
	.meta({ id: 'CertificateTemplate' });

export const certificateVerificationSchema = z
	.object({
		code: z.string(),
		holder: z.string().meta({ description: 'The holder’s name partly masked (张*明).', example: '张*明' }),
		award: z.string(),
		competition: z.string(),
		event: z.string(),
		issuedOn: z.string(),
		serial: z.string(),
		status: z.enum(['valid', 'revoked']),
		revokedAt: z.string().nullable()
	})
	.meta({ id: 'CertificateVerification' });
