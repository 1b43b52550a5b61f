import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsMember } from '$lib/server/round-control/access';
import { loadMatrixPage, roundControlActions } from '$lib/server/round-control/pages';
import { DomainError } from '$lib/server/domain-error';

// Owners and organisers, or a member who is this round's head judge; the round must be the competition's in the address.
async function control(event: RequestEvent) {
	const acting = await controlAsMember(await requireMembership(event, event.params.org), event.params.round);
	if (acting.round.competitionId !== event.params.competition) throw new DomainError('not_found');
	return acting;
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadMatrixPage(await control(event))) satisfies PageServerLoad;

const act = roundControlActions((event) => control(event as RequestEvent));
export const actions = {
	returnSheet: async (event) => act.returnSheet(event),
	unlockSheet: async (event) => act.unlockSheet(event),
	markAbsent: async (event) => act.markAbsent(event),
	clearAbsence: async (event) => act.clearAbsence(event),
	signOff: async (event) => act.signOff(event)
} satisfies Actions;
