import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getScreeningReasons, saveScreeningReasons } from '$lib/server/screening/screening-service';
import { reasonsFormSchema } from '$lib/schemas/screening';
import { parseForm, runAction } from '$lib/server/http/forms';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = (async (event) => ({ reasons: await getScreeningReasons(await manager(event)) })) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, reasonsFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ saved: await saveScreeningReasons(actor, parsed.data) }));
	}
} satisfies Actions;
