import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { issueCertificates, listCompetitionCertificates } from '$lib/server/certificates/certificate-service';
import { toApiCertificate } from '$lib/server/api/certificate-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { certificates } = await listCompetitionCertificates(actor, readParams(event.params, idPathSchema).id);
	return json({ certificates: certificates.map(toApiCertificate) });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => json(await issueCertificates(actor, readParams(event.params, idPathSchema).id)));
