import type { LayoutServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org);
	return { organisation: actor.organisation, role: actor.role };
}) satisfies LayoutServerLoad;
