import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { deskActor, deskHeading } from '$lib/server/entered/desk-page';
import { getEnteredBoard, keyEnteredValue } from '$lib/server/entered/entered-service';
import { EnteredImportError, importEnteredValues, tableOfWorkbook } from '$lib/server/entered/import-service';
import type { ImportProblem } from '$lib/server/entered/import-table';
import { enteredKeyingFormSchema } from '$lib/schemas/entered';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await deskActor(event);
	const board = await getEnteredBoard(actor, event.params.round);
	const locale = getLocale();
	return {
		round: deskHeading(board.round, event.params.competition),
		components: board.components.map((component) => ({ key: component.key, label: component.label?.[locale] ?? component.key, max: component.max })),
		entries: board.entries,
		disagreements: board.disagreements
	};
}) satisfies PageServerLoad;

export const actions = {
	key: async (event) => {
		const actor = await deskActor(event);
		const parsed = await parseForm(event.request, enteredKeyingFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ keyed: await keyEnteredValue(actor, event.params.round, parsed.data), entryId: parsed.data.entryId, componentKey: parsed.data.componentKey }));
	},
	import: async (event) => {
		const actor = await deskActor(event);
		const formData = await event.request.formData();
		const problems: ImportProblem[] = [];
		return runAction(formData, async () => {
			const file = formData.get('file');
			if (!(file instanceof File) || file.size === 0) return fail(400, { values: { form: 'import' }, errors: { file: m.validation_required() }, problems });
			try {
				return { imported: (await importEnteredValues(actor, event.params.round, await tableOfWorkbook(await file.arrayBuffer()), 'import')).stored };
			} catch (error) {
				if (!(error instanceof EnteredImportError)) throw error;
				return fail(400, { values: { form: 'import' }, errors: { file: error.summary }, problems: error.problems });
			}
		});
	}
} satisfies Actions;
