import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { encryptionJudgeActor } from '$lib/server/draw/judge-draw';
import { drawPage } from '$lib/server/draw/draw-page';
import { throwAsPageError } from '$lib/server/http/pages';

// The round's encryption judges, members of the organisation or not (code-only accounts): the same
// page as the organiser's, whose services admit them only as the round's encryption judges.
const page = drawPage((event: RequestEvent) => encryptionJudgeActor(requireUser(event), event.params.round).catch(throwAsPageError));

export const load = page.load satisfies PageServerLoad;
// Spelled out so the HTTP tables (tests/integration/http-targets.ts) find every action of the page.
export const actions = {
	commit: async (event) => page.actions.commit(event),
	run: async (event) => page.actions.run(event),
	reveal: async (event) => page.actions.reveal(event),
	open: async (event) => page.actions.open(event)
} satisfies Actions;
