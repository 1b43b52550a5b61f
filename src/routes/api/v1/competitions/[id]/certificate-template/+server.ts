import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getCertificateTemplate, saveCertificateTemplate } from '$lib/server/certificates/template-service';
import { toApiTemplate } from '$lib/server/api/certificate-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { certificateTemplateSchema } from '$lib/schemas/certificates';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiTemplate((await getCertificateTemplate(actor, readParams(event.params, idPathSchema).id)).template)));

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiTemplate(await saveCertificateTemplate(actor, id, await readJsonBody(event, certificateTemplateSchema))));
});
