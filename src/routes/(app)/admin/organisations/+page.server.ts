import type { Actions, PageServerLoad } from './$types';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { createOrganisation, listAllOrganisations } from '$lib/server/organisations/service';
import { createOrganisationSchema } from '$lib/schemas/organisation';
import { parseForm, runAction } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = requirePlatformAdmin(event);
	return { all: await listAllOrganisations(actor) };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const actor = requirePlatformAdmin(event);
		const parsed = await parseForm(event.request, createOrganisationSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ created: (await createOrganisation(actor, parsed.data)).slug }));
	}
} satisfies Actions;
