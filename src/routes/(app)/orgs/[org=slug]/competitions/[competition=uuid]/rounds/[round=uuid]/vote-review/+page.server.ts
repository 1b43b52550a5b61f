import type { Actions, PageServerLoad } from './$types';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { loadReviewPage, reviewActor } from '$lib/server/vote-review/review-page';
import { restoreVotes, runDetectionNow, voidVotes } from '$lib/server/vote-review/review-service';
import { clusterDecisionFormSchema, detectFormSchema } from '$lib/schemas/vote-review';
import { m } from '$lib/paraglide/messages.js';
import { fail } from '@sveltejs/kit';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => loadReviewPage(await reviewActor(event), event.params.competition, event.params.round)) satisfies PageServerLoad;

export const actions = {
	detect: async (event) => {
		const actor = await reviewActor(event);
		const parsed = await parseForm(event.request, detectFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ detected: (await runDetectionNow(actor, event.params.round)).flagged }));
	},
	void: async (event) => {
		const actor = await reviewActor(event);
		const parsed = await parseForm(event.request, clusterDecisionFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { entryId, addressPrefixHash, status, reasonClass, reason } = parsed.data;
		if (!reasonClass) return fail(400, { values: Object.fromEntries([...parsed.formData].map(([key, value]) => [key, String(value)])), errors: { reasonClass: m.votereview_validation_reason_class() } });
		return runAction(parsed.formData, async () => ({ decided: (await voidVotes(actor, event.params.round, { cluster: { entryId, addressPrefixHash, status }, reasonClass, reason })).changed, entryId, addressPrefixHash }));
	},
	restore: async (event) => {
		const actor = await reviewActor(event);
		const parsed = await parseForm(event.request, clusterDecisionFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { entryId, addressPrefixHash, status, reason } = parsed.data;
		return runAction(parsed.formData, async () => ({ decided: (await restoreVotes(actor, event.params.round, { cluster: { entryId, addressPrefixHash, status }, reason })).changed, entryId, addressPrefixHash }));
	}
} satisfies Actions;
