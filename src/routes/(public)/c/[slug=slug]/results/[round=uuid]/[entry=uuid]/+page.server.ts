import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { pageLoad } from '$lib/server/http/pages';
import { loadPublicExplanation } from '$lib/server/notice';

// How one published result arose, for anyone to recompute: server-rendered, no client application.
export const csr = false;

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const explanation = await loadPublicExplanation(event.params.slug, event.params.round, event.params.entry, new Date());
	return { ...explanation, locale: getLocale() };
}) satisfies PageServerLoad;
