import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { fileResponse } from '$lib/server/certificates/certificate-files';
import { previewCertificate } from '$lib/server/certificates/template-service';

/** A sample certificate in the saved template (opened beside the editor; shown inline, not saved). */
export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	try {
		const sample = { name: m.certificates_sample_name(), award: m.certificates_sample_award(), event: m.certificates_sample_event(), unit: m.certificates_sample_unit() };
		const bytes = await previewCertificate(actor, event.params.competition, event.url.origin, sample);
		const response = fileResponse({ fileName: 'preview.pdf', type: 'application/pdf', body: new Uint8Array(bytes) });
		response.headers.set('content-disposition', 'inline; filename="preview.pdf"');
		return response;
	} catch (caught) {
		throwAsPageError(caught);
	}
};
