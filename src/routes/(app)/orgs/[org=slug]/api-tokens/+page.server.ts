import type { Actions, PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { createApiTokenSchema, revokeApiTokenSchema } from '$lib/schemas/api-token';
import { parseForm, runAction } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	return { tokens: await listApiTokens(actor), myUserId: actor.user.id, myRole: actor.role };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, createApiTokenSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ created: await createApiToken(actor, parsed.data.name) }));
	},
	revoke: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, revokeApiTokenSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, () => revokeApiToken(actor, parsed.data.tokenId, new Date()));
	}
} satisfies Actions;
