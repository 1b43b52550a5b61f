import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { certificateBundle, fileResponse } from '$lib/server/certificates/certificate-files';
import { idPathSchema } from '$lib/schemas/competition';
import { bundleQuerySchema } from '$lib/schemas/certificates';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { format } = readParams(Object.fromEntries(event.url.searchParams), bundleQuerySchema);
	const bundle = await certificateBundle(actor, id, format, event.url.origin, null);
	return fileResponse({ fileName: bundle.fileName, type: bundle.type, body: bundle.stream });
});
