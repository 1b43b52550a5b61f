import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskHeading } from '$lib/server/entered/desk-page';
import { loadPanelDeskRound } from '$lib/server/entered/access';
import { db } from '$lib/server/db/client';
import { getPaperDesk, keyPaperSheet } from '$lib/server/paper/paper-service';
import { readPaperForm } from '$lib/schemas/entered';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await deskActor(event);
	const round = await loadPanelDeskRound(db(), actor, event.params.round);
	const heading = deskHeading(round, event.params.competition);
	return { round: heading, ...(await getPaperDesk(actor, event.params.round)) };
}) satisfies PageServerLoad;

export const actions = {
	key: async (event) => {
		const actor = await deskActor(event);
		const formData = await event.request.formData();
		const values = Object.fromEntries([...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		const read = readPaperForm(formData);
		if (!read.ok) return fail(400, { values, errors: read.errors });
		return runAction(formData, async () => ({ keyed: await keyPaperSheet(actor, event.params.round, read.input) }));
	}
} satisfies Actions;
