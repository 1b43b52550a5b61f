import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembership } from '$lib/server/auth/guards';
import { drawPage } from '$lib/server/draw/draw-page';

const page = drawPage(
	(event: RequestEvent) => requireMembership(event, event.params.org),
	(event, draw) => {
		if (draw.round.competitionId !== event.params.competition) error(404, { message: m.errors_not_found(), code: 'not_found' });
	}
);

export const load = page.load satisfies PageServerLoad;
// Spelled out so the HTTP tables (tests/integration/http-targets.ts) find every action of the page.
export const actions = {
	commit: async (event) => page.actions.commit(event),
	run: async (event) => page.actions.run(event),
	reveal: async (event) => page.actions.reveal(event),
	open: async (event) => page.actions.open(event)
} satisfies Actions;
