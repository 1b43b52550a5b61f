import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { drawPage } from '$lib/server/draw/draw-page';

// A round of another competition in the path is a 404 before anything is read or run.
const page = drawPage((event: RequestEvent) => requireMembershipOnRound(event));

export const load = page.load satisfies PageServerLoad;
// Spelled out so the HTTP tables (tests/integration/http-targets.ts) find every action of the page.
export const actions = {
	commit: async (event) => page.actions.commit(event),
	run: async (event) => page.actions.run(event),
	reveal: async (event) => page.actions.reveal(event),
	open: async (event) => page.actions.open(event)
} satisfies Actions;
