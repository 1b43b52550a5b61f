import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad, throwAsPageError } from '$lib/server/http/pages';
import { addQuota, changeQuota, quotaPage, removeQuota, requireOwnCompetition } from '$lib/server/recommendation/quota-service';
import { quotaChangeFormSchema, quotaInputSchema, quotaRemoveFormSchema } from '$lib/schemas/recommend';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

/** Another organisation's competition is not found, before the form is read (an empty form too). */
async function managerOfCompetition(event: RequestEvent) {
	const actor = await manager(event);
	await requireOwnCompetition(actor, event.params.competition!).catch(throwAsPageError);
	return actor;
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => quotaPage(await manager(event), event.params.competition)) satisfies PageServerLoad;

export const actions = {
	add: async (event) => {
		const actor = await managerOfCompetition(event);
		const parsed = await parseForm(event.request, quotaInputSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ added: (await addQuota(actor, event.params.competition, parsed.data)).childOrganisationName }));
	},
	change: async (event) => {
		const actor = await managerOfCompetition(event);
		const parsed = await parseForm(event.request, quotaChangeFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ changed: (await changeQuota(actor, event.params.competition, parsed.data.quotaId, parsed.data.quota)).childOrganisationName }));
	},
	remove: async (event) => {
		const actor = await managerOfCompetition(event);
		const parsed = await parseForm(event.request, quotaRemoveFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ removed: await removeQuota(actor, event.params.competition, parsed.data.quotaId).then(() => true) }));
	}
} satisfies Actions;
