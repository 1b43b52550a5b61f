import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isSetupNeeded } from '$lib/server/auth/account';
import { routes } from '$lib/routes';

export const load = (async ({ locals, parent }) => {
	if (!locals.user && (await isSetupNeeded())) redirect(303, routes.setup());
	const { organisations } = await parent();
	// One organisation: go straight to it, as people almost always want.
	if (locals.user && organisations.length === 1) redirect(303, routes.organisation(organisations[0]!.slug));
	return {};
}) satisfies PageServerLoad;
