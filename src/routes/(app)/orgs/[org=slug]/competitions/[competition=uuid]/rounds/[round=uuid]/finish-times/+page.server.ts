import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskHeading } from '$lib/server/entered/desk-page';
import { getFinishTimes, saveFinishTimes } from '$lib/server/entered/counts-service';
import { readFinishForm } from '$lib/schemas/entered';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await deskActor(event);
	const view = await getFinishTimes(actor, event.params.round);
	return {
		round: deskHeading(view.round, event.params.competition),
		entries: view.entries.map((entry) => ({ entryId: entry.entryId, number: entry.number, finishedAt: entry.finishedAt ? formatShanghaiTime(entry.finishedAt) : '' }))
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await deskActor(event);
		const formData = await event.request.formData();
		const values = Object.fromEntries([...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		const read = readFinishForm(formData);
		if (!read.ok) return fail(400, { values, errors: read.errors });
		return runAction(formData, async () => {
			await saveFinishTimes(actor, event.params.round, read.cells);
			return { saved: true };
		});
	}
} satisfies Actions;
