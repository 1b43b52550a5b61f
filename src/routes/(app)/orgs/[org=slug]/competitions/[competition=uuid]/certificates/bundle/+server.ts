import type { RequestHandler } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { certificateBundle, fileResponse } from '$lib/server/certificates/certificate-files';
import { bundleQuerySchema } from '$lib/schemas/certificates';
import { DomainError } from '$lib/server/domain-error';

/** All certificates as one PDF or a zip, streamed; with ?progress=<uuid> the page can follow it. */
export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	const query = bundleQuerySchema.safeParse(Object.fromEntries(event.url.searchParams));
	try {
		if (!query.success) throw new DomainError('not_found');
		const bundle = await certificateBundle(actor, event.params.competition, query.data.format, event.url.origin, query.data.progress ?? null);
		return fileResponse({ fileName: bundle.fileName, type: bundle.type, body: bundle.stream });
	} catch (caught) {
		throwAsPageError(caught);
	}
};
