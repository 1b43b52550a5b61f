import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { fileAppeal, loadOwnAppeals } from '$lib/server/notice';
import { appealSchema } from '$lib/schemas/notice';

// A contestant's (or team leader's) appeals about their own entry; anyone else's entry is not found.
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => ({ ...(await loadOwnAppeals(requireUser(event), event.params.entry, new Date())), locale: getLocale() })) satisfies PageServerLoad;

export const actions = {
	file: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, appealSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ filed: (await fileAppeal(actor, event.params.entry, parsed.data, new Date())).id }));
	}
} satisfies Actions;
