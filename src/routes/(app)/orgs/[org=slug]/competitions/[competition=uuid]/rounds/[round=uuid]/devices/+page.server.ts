import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsMember } from '$lib/server/round-control/access';
import { loadDevicesPage, roundControlActions } from '$lib/server/round-control/pages';

async function control(event: RequestEvent) {
	return controlAsMember(await requireMembershipOnRound(event), event.params.round);
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadDevicesPage(await control(event))) satisfies PageServerLoad;

const act = roundControlActions((event) => control(event as RequestEvent));
export const actions = {
	revoke: async (event) => act.revoke(event)
} satisfies Actions;
