import type { RequestHandler } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { openObjectionAttachment } from '$lib/server/notice';

export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	try {
		return await openObjectionAttachment(actor, event.params.competition, event.params.objection);
	} catch (caught) {
		return throwAsPageError(caught);
	}
};
