import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { dateField, digitsAsNumber, optionalText, requiredText } from './fields';

// Certificates (issue 17): the template the organiser edits, revocation, and the public code. The
// same schemas check the API's JSON and the pages' forms.

export const certificateTemplateSchema = z
	.object({
		orientation: z.enum(['landscape', 'portrait'], { error: () => m.validation_invalid() }).meta({ description: 'A4 landscape or portrait.' }),
		title: requiredText(40).meta({ example: '荣誉证书' }),
		organiserLine: optionalText(200).default('').meta({ description: 'Printed above the date (the organiser, under the seal).', example: '安吉县总工会' }),
		body: requiredText(1000).meta({ description: 'The wording; {name} {award} {event} {competition} {unit} are filled per certificate.', example: '在{competition}（{event}）中荣获{award}，特发此证。' }),
		printedOn: z
			.union([z.literal(''), z.null(), dateField])
			.optional()
			.transform((value) => value || null)
			.meta({ description: 'The date printed on every certificate (YYYY-MM-DD); empty or null prints each one’s issue date.' }),
		serialPrefix: z
			.string({ error: () => m.validation_required() })
			.trim()
			.toUpperCase()
			.regex(/^[A-Z0-9]{1,12}$/, { error: () => m.certificates_validation_prefix() })
			.meta({ description: 'Serials read PREFIX-YEAR-SEQUENCE.', example: 'AJGJ' }),
		serialWidth: z.preprocess(digitsAsNumber, z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(3, { error: () => m.validation_invalid() }).max(8, { error: () => m.validation_invalid() })).meta({ description: 'Digits of the sequence, zero-padded (3–8).' })
	})
	.meta({ id: 'CertificateTemplateInput' });

export const revokeCertificateSchema = z.object({ reason: requiredText(500).meta({ example: '经复核，成绩有误' }) }).meta({ id: 'RevokeCertificate' });
export const revokeCertificateFormSchema = revokeCertificateSchema.extend({ certificateId: z.uuid({ error: () => m.validation_invalid() }) });

export const issueCertificatesFormSchema = z.object({ competitionId: z.uuid({ error: () => m.validation_invalid() }) });

export const bundleQuerySchema = z.object({
	format: z.enum(['pdf', 'zip'], { error: () => m.validation_invalid() }).default('pdf'),
	progress: z.uuid({ error: () => m.validation_invalid() }).optional()
});

/** A verification code as printed: 12 letters and digits; typed in lower case it still matches. */
export const verificationCodeSchema = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z2-9]{12}$/) });

export type CertificateTemplateInput = z.output<typeof certificateTemplateSchema>;
