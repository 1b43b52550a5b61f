import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsMember } from '$lib/server/round-control/access';
import { loadDevicesPage, roundControlActions } from '$lib/server/round-control/pages';
import { DomainError } from '$lib/server/domain-error';

async function control(event: RequestEvent) {
	const acting = await controlAsMember(await requireMembership(event, event.params.org), event.params.round);
	if (acting.round.competitionId !== event.params.competition) throw new DomainError('not_found');
	return acting;
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadDevicesPage(await control(event))) satisfies PageServerLoad;

const act = roundControlActions((event) => control(event as RequestEvent));
export const actions = {
	revoke: async (event) => act.revoke(event)
} satisfies Actions;
