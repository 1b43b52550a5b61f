import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { pageLoad } from '$lib/server/http/pages';
import { listInvitations } from '$lib/server/recommendation/recommendation-service';
import { nominationsOpen } from '$lib/domain/recommendation/rules';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const invitations = await listInvitations(await requireMembership(event, event.params.org, MANAGER_ROLES));
	// Of the parent only what the invitation names: no ids of its organisation or competition.
	return {
		invitations: invitations.map((row) => ({ id: row.id, parentOrganisationName: row.parentOrganisationName, competitionTitle: row.competitionTitle, eventName: row.eventName, quota: row.quota, used: row.used, open: nominationsOpen(row.competitionStatus) }))
	};
}) satisfies PageServerLoad;
