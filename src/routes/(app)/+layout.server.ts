import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

// Everything in (app) is for signed-in people: send others to sign-in (and back afterwards).
// Loads and actions below still check who is asking themselves; actions do not run layout loads.
export const load = ((event) => {
	requireUser(event);
	return {};
}) satisfies LayoutServerLoad;
