import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { throwAsPageError } from '$lib/server/http/pages';
import { myCertificatePdf, pdfResponse } from '$lib/server/certificates/certificate-files';

/** A contestant downloads a certificate of an entry they registered; anyone else's is 404. */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	try {
		return pdfResponse(await myCertificatePdf(actor, event.params.certificate, event.url.origin));
	} catch (caught) {
		throwAsPageError(caught);
	}
};
