import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskGridSave, deskHeading } from '$lib/server/entered/desk-page';
import { getDeductionGrid, saveDeductionCounts } from '$lib/server/entered/counts-service';
import { readDeductionForm } from '$lib/schemas/entered';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await deskActor(event);
	const grid = await getDeductionGrid(actor, event.params.round);
	const locale = getLocale();
	return {
		round: deskHeading(grid.round, event.params.competition),
		items: grid.items.map((item) => ({ ...item, label: item.label?.[locale] ?? item.itemKey })),
		entries: grid.entries
	};
}) satisfies PageServerLoad;

const saveCounts = deskGridSave(readDeductionForm, saveDeductionCounts);

export const actions = {
	save: async (event) => saveCounts(event)
} satisfies Actions;
