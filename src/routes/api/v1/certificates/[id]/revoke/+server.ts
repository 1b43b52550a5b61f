import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { revokeCertificate } from '$lib/server/certificates/certificate-service';
import { toApiCertificate } from '$lib/server/api/certificate-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { revokeCertificateSchema } from '$lib/schemas/certificates';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { reason } = await readJsonBody(event, revokeCertificateSchema);
	return json(toApiCertificate(await revokeCertificate(actor, id, reason)));
});
