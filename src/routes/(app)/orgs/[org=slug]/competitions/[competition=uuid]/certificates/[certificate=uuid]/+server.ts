import type { RequestHandler } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { certificatePdf, pdfResponse } from '$lib/server/certificates/certificate-files';

/** One certificate's PDF for the organisers (a certificate of another competition is 404). */
export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	try {
		const file = await certificatePdf(actor, event.params.certificate, event.url.origin, event.params.competition);
		return pdfResponse(file);
	} catch (caught) {
		throwAsPageError(caught);
	}
};
