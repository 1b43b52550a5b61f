import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsMember } from '$lib/server/round-control/access';
import { loadMatrixPage, roundControlActions } from '$lib/server/round-control/pages';
import { EXPORT_KINDS } from '$lib/schemas/exports';

// Owners and organisers, or a member who is this round's head judge; the round must be the competition's in the address (else 404).
async function control(event: RequestEvent) {
	return controlAsMember(await requireMembershipOnRound(event), event.params.round);
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const round = await control(event);
	// Managers download every workbook; the head judge the sign-off sheet (issue 17's Excel).
	return { ...(await loadMatrixPage(round)), exportKinds: round.as === 'manager' ? EXPORT_KINDS.filter((kind) => kind !== 'votes') : (['sign-off'] as const) };
}) satisfies PageServerLoad;

const act = roundControlActions((event) => control(event as RequestEvent));
export const actions = {
	returnSheet: async (event) => act.returnSheet(event),
	unlockSheet: async (event) => act.unlockSheet(event),
	markAbsent: async (event) => act.markAbsent(event),
	clearAbsence: async (event) => act.clearAbsence(event),
	signOff: async (event) => act.signOff(event)
} satisfies Actions;
