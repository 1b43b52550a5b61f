import type { Actions, PageServerLoad } from './$types';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskGridSave, deskHeading } from '$lib/server/entered/desk-page';
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

const saveTimes = deskGridSave(readFinishForm, saveFinishTimes);

export const actions = {
	save: async (event) => saveTimes(event)
} satisfies Actions;
