import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { pageLoad } from '$lib/server/http/pages';
import { loadPublicCompetition } from '$lib/server/registration/public-service';

// Read on phones over weak networks: server-rendered HTML, no client-side application.
export const csr = false;

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { competition, events, counts, registrationOpen } = await loadPublicCompetition(event.params.slug, getLocale());
	const { organisationId: _organisationId, privacyNotice: _privacyNotice, ...shown } = competition;
	return { competition: shown, events, counts, registrationOpen, signedIn: event.locals.user !== null };
}) satisfies PageServerLoad;
