import type { RequestHandler } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { throwAsPageError } from '$lib/server/http/pages';
import { buildTemplate, workbookResponse } from '$lib/server/registration/entry-workbooks';

export const GET: RequestHandler = async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	return workbookResponse(await buildTemplate(actor, event.params.competition).catch(throwAsPageError));
};
