import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskHeading } from '$lib/server/entered/desk-page';
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

export const actions = {
	save: async (event) => {
		const actor = await deskActor(event);
		const formData = await event.request.formData();
		const values = Object.fromEntries([...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		const read = readDeductionForm(formData);
		if (!read.ok) return fail(400, { values, errors: read.errors });
		return runAction(formData, async () => {
			await saveDeductionCounts(actor, event.params.round, read.cells);
			return { saved: true };
		});
	}
} satisfies Actions;
