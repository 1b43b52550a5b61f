import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { roundForJudge } from '$lib/server/judging/judge-view';
import { declareOwnConflict, listOwnConflicts, withdrawOwnConflict } from '$lib/server/judging/conflicts-service';
import { conflictIdFormSchema, declareOwnConflictSchema } from '$lib/schemas/judges';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = requireUser(event);
	const [view, own] = await Promise.all([roundForJudge(actor, event.params.round), listOwnConflicts(actor, event.params.round)]);
	// The judge's own declarations, by entry id and kind only: the page shows the entry's number.
	return { ...view, ownConflicts: own.map(({ id, entryId, kind, note }) => ({ id, entryId, kind, note })) };
}) satisfies PageServerLoad;

export const actions = {
	declare: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, declareOwnConflictSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => declareOwnConflict(actor, event.params.round, parsed.data))) ?? { declared: true };
	},
	withdraw: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, conflictIdFormSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => withdrawOwnConflict(actor, event.params.round, parsed.data.conflictId))) ?? { withdrawn: true };
	}
} satisfies Actions;
