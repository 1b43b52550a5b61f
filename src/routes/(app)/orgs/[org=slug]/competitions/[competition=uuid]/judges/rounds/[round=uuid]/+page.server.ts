import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getPanel, savePanel } from '$lib/server/judging/panels-service';
import { declareConflict, removeConflict } from '$lib/server/judging/conflicts-service';
import { conflictIdFormSchema, declareConflictSchema, panelFormSchema } from '$lib/schemas/judges';
import { fieldErrors, parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import type { PanelSeat } from '$lib/server/judging/panel-queries';

const manager = (event: RequestEvent) => requireMembershipOnRound(event, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	// manager() answers 404 when the round is not the competition's in the address.
	return getPanel(await manager(event), event.params.round);
}) satisfies PageServerLoad;

export const actions = {
	savePanel: async (event) => {
		const actor = await manager(event);
		const formData = await event.request.formData();
		const parsed = panelFormSchema.safeParse({ form: formData.get('form'), judge: formData.getAll('judge'), encryption: formData.getAll('encryption'), head: formData.get('head') ?? undefined });
		if (!parsed.success) return fail(400, { values: { formId: 'panel' }, errors: fieldErrors(parsed.error) });
		const { judge, encryption, head } = parsed.data;
		const seats: PanelSeat[] = [
			...judge.map((judgeId) => ({ judgeId, role: 'judge' as const })),
			...encryption.map((judgeId) => ({ judgeId, role: 'encryption' as const })),
			...(head ? [{ judgeId: head, role: 'head' as const }] : [])
		];
		return (await runAction(formData, async () => void (await savePanel(actor, event.params.round, seats)))) ?? { panelSaved: true };
	},
	declare: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, declareConflictSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await declareConflict(actor, event.params.round, parsed.data)))) ?? { declared: true };
	},
	removeConflict: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, conflictIdFormSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => removeConflict(actor, parsed.data.conflictId))) ?? { removed: true };
	}
} satisfies Actions;
