import type { Actions, PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { getOrganisationSettings, updateOrganisationSettings } from '$lib/server/organisations/service';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { organisationSettingsSchema } from '$lib/schemas/organisation';
import { parseForm, runAction } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	const settings = await getOrganisationSettings(actor);
	return { settings: { name: settings.name, allowSignUp: settings.allowSignUp }, canEdit: actor.role === 'owner' };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, organisationSettingsSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await updateOrganisationSettings(actor, parsed.data)))) ?? { saved: true };
	}
} satisfies Actions;
