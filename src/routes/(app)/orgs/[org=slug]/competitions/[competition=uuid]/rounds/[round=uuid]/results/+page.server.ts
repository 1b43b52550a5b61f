import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { resultsControl } from '$lib/server/results/access';
import { loadReviewPage, reviewActions } from '$lib/server/results/review-page';

// Owners and organisers, or the round's head judge (who computes and verifies; the decisions are the
// organiser's); the round must be the competition's in the address (else 404).
async function control(event: RequestEvent) {
	return resultsControl(await requireMembershipOnRound(event), event.params.round);
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadReviewPage(await control(event), event.url)) satisfies PageServerLoad;

const act = reviewActions((event) => control(event as RequestEvent));
export const actions = {
	compute: async (event) => act.compute(event),
	verify: async (event) => act.verify(event),
	addAward: async (event) => act.addAward(event),
	removeAward: async (event) => act.removeAward(event),
	advance: async (event) => act.advance(event),
	reveal: async (event) => act.reveal(event),
	publish: async (event) => act.publish(event),
	finalise: async (event) => act.finalise(event)
} satisfies Actions;
