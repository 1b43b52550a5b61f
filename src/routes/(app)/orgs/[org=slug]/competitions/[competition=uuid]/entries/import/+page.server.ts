import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getCompetition } from '$lib/server/competitions/competition-service';
import { db } from '$lib/server/db/client';
import { runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { ENTRY_STATUSES } from '$lib/domain/registration/places';
import { countEntriesByStatus } from '$lib/server/screening/entry-list-queries';
import { importEntries, ImportRowsError } from '$lib/server/registration/import-service';
import { tableFromWorkbook } from '$lib/server/registration/import-input';
import { tableFromText, type RowProblem } from '$lib/server/registration/import-rows';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const competition = await getCompetition(actor, event.params.competition);
	const byStatus = await countEntriesByStatus(db(), actor.organisation.id, competition.id);
	const counts = ENTRY_STATUSES.filter((status) => byStatus[status]).map((status) => ({ status, count: byStatus[status]! }));
	return {
		competition: { id: competition.id, title: competition.title, status: competition.status },
		open: competition.status === 'registration' || competition.status === 'screening',
		counts,
		total: counts.reduce((sum, row) => sum + row.count, 0)
	};
}) satisfies PageServerLoad;

/** The list from the form: an uploaded workbook, or rows pasted from a spreadsheet. */
async function readList(formData: FormData) {
	const file = formData.get('file');
	if (file instanceof File && file.size > 0) return { table: tableFromWorkbook(await file.arrayBuffer()), header: 'required' as const };
	const pasted = formData.get('pasted');
	if (typeof pasted === 'string' && pasted.trim() !== '') return { table: tableFromText(pasted), header: 'optional' as const };
	return null;
}

/** Checks (dry run) or imports; a wrong list answers every problem at its row and column. */
async function run(event: RequestEvent, dryRun: boolean) {
	const actor = await manager(event);
	const formData = await event.request.formData();
	const problems: RowProblem[] = [];
	return runAction(formData, async () => {
		const list = await readList(formData);
		if (!list) return fail(400, { values: {}, errors: { form: m.import_choose_input() }, problems });
		try {
			return { summary: await importEntries(actor, event.params.competition, { ...list, source: 'import', dryRun }) };
		} catch (error) {
			if (!(error instanceof ImportRowsError)) throw error;
			return fail(400, { values: {}, errors: { form: error.summary }, problems: error.problems });
		}
	});
}

export const actions = {
	check: async (event) => run(event, true),
	import: async (event) => run(event, false)
} satisfies Actions;
