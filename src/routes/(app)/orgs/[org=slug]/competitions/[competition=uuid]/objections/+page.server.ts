import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { answerObjection, listObjections } from '$lib/server/notice';
import { objectionAnswerSchema } from '$lib/schemas/notice';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => ({ ...(await listObjections(await manager(event), event.params.competition)), locale: getLocale() })) satisfies PageServerLoad;

export const actions = {
	answer: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, objectionAnswerSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => answerObjection(actor, event.params.competition, parsed.data.objectionId, parsed.data.answer))) ?? { answered: parsed.data.objectionId };
	}
} satisfies Actions;
