import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { bundleProgress } from '$lib/server/certificates/certificate-files';

/** How far a bulk download has got (polled by the certificates page's progress bar). */
export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	const id = z.uuid().safeParse(event.url.searchParams.get('id'));
	if (!id.success) error(404);
	try {
		return json(await bundleProgress(actor, event.params.competition, id.data), { headers: { 'cache-control': 'no-store' } });
	} catch (caught) {
		throwAsPageError(caught);
	}
};
