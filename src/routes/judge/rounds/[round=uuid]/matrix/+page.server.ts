import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsHeadJudge } from '$lib/server/round-control/access';
import { loadMatrixPage, roundControlActions } from '$lib/server/round-control/pages';

// The head judge's matrix of their round: only the round's head judge (裁判长) reaches it from /judge.
const control = (event: RequestEvent) => controlAsHeadJudge(requireUser(event), event.params.round);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadMatrixPage(await control(event))) satisfies PageServerLoad;

const act = roundControlActions((event) => control(event as RequestEvent));
export const actions = {
	returnSheet: async (event) => act.returnSheet(event),
	unlockSheet: async (event) => act.unlockSheet(event),
	markAbsent: async (event) => act.markAbsent(event),
	clearAbsence: async (event) => act.clearAbsence(event),
	signOff: async (event) => act.signOff(event)
} satisfies Actions;
