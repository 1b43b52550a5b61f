import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { roundForJudge } from '$lib/server/judging/judge-view';
import { declareOwnConflict } from '$lib/server/judging/conflicts-service';
import { declareOwnConflictSchema } from '$lib/schemas/judges';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => roundForJudge(requireUser(event), event.params.round)) satisfies PageServerLoad;

export const actions = {
	declare: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, declareOwnConflictSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => declareOwnConflict(actor, event.params.round, parsed.data))) ?? { declared: true };
	}
} satisfies Actions;
