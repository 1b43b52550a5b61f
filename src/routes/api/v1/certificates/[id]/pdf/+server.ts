import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { certificatePdf, pdfResponse } from '$lib/server/certificates/certificate-files';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => pdfResponse(await certificatePdf(actor, readParams(event.params, idPathSchema).id, event.url.origin)));
