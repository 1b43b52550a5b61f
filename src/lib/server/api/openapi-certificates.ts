import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import { errorResponses } from '$lib/schemas/api/common';
import { certificateListSchema, certificateSchema, certificateTemplateSchema, certificateVerificationSchema, issueResultSchema } from '$lib/schemas/api/certificates';
import { idPathSchema } from '$lib/schemas/competition';
import { certificateTemplateSchema as templateInputSchema, revokeCertificateSchema } from '$lib/schemas/certificates';

// Certificates (issue 17): the template, issuing from the final results, the list, one PDF or all of
// them, revocation, and the public verification. Owners and organisers only, except verify; another
// organisation's competition or certificate is 404.

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const binary = { schema: { type: 'string' as const, format: 'binary' } };
const tags = ['certificates'];
const byId = { path: idPathSchema };

export const certificatePaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/certificate-template': {
		get: { operationId: 'getCertificateTemplate', tags, summary: 'The competition’s certificate template (made with defaults on first use)', requestParams: byId, responses: { '200': ok('The template', certificateTemplateSchema), ...errorResponses } },
		put: {
			operationId: 'saveCertificateTemplate',
			tags,
			summary: 'Save the template: orientation, wording, printed date, serial pattern',
			description: 'Certificates already issued keep their serials and their snapshot of names. The seal image is uploaded on the template page. Audited.',
			requestParams: byId,
			requestBody: body(templateInputSchema),
			responses: { '200': ok('The saved template', certificateTemplateSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/certificates': {
		get: { operationId: 'listCertificates', tags, summary: 'The competition’s certificates, by serial', requestParams: byId, responses: { '200': ok('Certificates', certificateListSchema), ...errorResponses } },
		post: {
			operationId: 'issueCertificates',
			tags,
			summary: 'Issue certificates for every final placing with a tier or a special award',
			description: 'Idempotent: placings that have one keep it (same serial, same code); only missing ones are added. Serials never repeat, even from concurrent calls. Audited.',
			requestParams: byId,
			responses: { '200': ok('How many were added', issueResultSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/certificates/bundle': {
		get: {
			operationId: 'downloadCertificates',
			tags,
			summary: 'Every certificate of the competition as one PDF or a zip of PDFs (streamed)',
			requestParams: { path: idPathSchema, query: z.object({ format: z.enum(['pdf', 'zip']).optional().meta({ description: 'pdf (default): one page each; zip: one file each.' }) }) },
			responses: { '200': { description: 'The file', content: { 'application/pdf': binary, 'application/zip': binary } }, ...errorResponses }
		}
	},
	'/certificates/{id}/pdf': {
		get: { operationId: 'getCertificatePdf', tags, summary: 'One certificate as PDF (Chinese text embedded, QR code to its verification page)', requestParams: byId, responses: { '200': { description: 'The PDF', content: { 'application/pdf': binary } }, ...errorResponses } }
	},
	'/certificates/{id}/revoke': {
		post: {
			operationId: 'revokeCertificate',
			tags,
			summary: 'Revoke a certificate with a reason',
			description: 'Its verification page then says revoked, with the date. 409 when it is revoked already. Audited.',
			requestParams: byId,
			requestBody: body(revokeCertificateSchema),
			responses: { '200': ok('The revoked certificate', certificateSchema), ...errorResponses }
		}
	},
	'/verify/{code}': {
		get: {
			operationId: 'verifyCertificate',
			tags,
			security: [],
			summary: 'Public: check a certificate by its code (no token)',
			description: 'The holder’s name partly masked, the award, competition, event, date and whether it is valid or revoked. 404 for an unknown code.',
			requestParams: { path: z.object({ code: z.string().meta({ example: 'K7QH3XR9MNP2' }) }) },
			responses: { '200': ok('The verification', certificateVerificationSchema), '400': errorResponses['400'], '404': errorResponses['404'] }
		}
	}
};
