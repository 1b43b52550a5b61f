import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { clientAddress } from '$lib/server/auth/guards';
import { parseFormData, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { loadPublicResults, lodgeObjection } from '$lib/server/notice';
import { objectionSchema } from '$lib/schemas/notice';

// The public notice (公示): read on phones, server-rendered without SvelteKit's client; an objection is a plain form POST.
export const csr = false;

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const results = await loadPublicResults(event.params.slug, new Date());
	return { ...results, locale: getLocale() };
}) satisfies PageServerLoad;

export const actions = {
	object: async (event) => {
		const formData = await event.request.formData();
		const file = formData.get('attachment');
		formData.delete('attachment');
		const parsed = parseFormData(formData, objectionSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			await lodgeObjection(event.params.slug, parsed.data, file instanceof File ? file : null, clientAddress(event), new Date());
			return { lodged: true, roundId: parsed.data.roundId };
		});
	}
} satisfies Actions;
