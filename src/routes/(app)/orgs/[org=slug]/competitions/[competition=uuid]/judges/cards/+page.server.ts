import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getCompetition } from '$lib/server/competitions/competition-service';
import { listJudges } from '$lib/server/judging/judges-service';
import { issueSignInCodesForCompetition } from '$lib/server/judging/access-service';
import { parseForm, runAction } from '$lib/server/http/forms';
import { issueAllCodesFormSchema } from '$lib/schemas/judges';
import { pageLoad } from '$lib/server/http/pages';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const competition = await getCompetition(actor, event.params.competition);
	return { competition, judgeCount: (await listJudges(actor, competition.id)).length };
}) satisfies PageServerLoad;

export const actions = {
	issueAll: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, issueAllCodesFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ cards: await issueSignInCodesForCompetition(actor, event.params.competition, event.url.origin) }));
	}
} satisfies Actions;
