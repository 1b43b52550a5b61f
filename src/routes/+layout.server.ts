import type { LayoutServerLoad } from './$types';
import { listMyOrganisations } from '$lib/server/organisations/service';
import { getLocale } from '$lib/paraglide/runtime.js';

export const load = (async ({ locals }) => {
	const user = locals.user;
	const organisations = user ? await listMyOrganisations(user.id) : [];
	return {
		locale: getLocale(),
		user: user && { displayName: user.displayName, isPlatformAdmin: user.isPlatformAdmin },
		organisations: organisations.map(({ slug, name, role }) => ({ slug, name, role }))
	};
}) satisfies LayoutServerLoad;
