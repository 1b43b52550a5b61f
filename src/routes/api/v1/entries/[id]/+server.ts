import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { entrySubmissionSchema } from '$lib/schemas/entry';
import { getEntry } from '$lib/server/screening/screening-service';
import { updateEntryForOrganiser } from '$lib/server/screening/organiser-entries';
import { toApiEntryDetail } from '$lib/server/api/entry-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiEntryDetail(await getEntry(actor, id)));
});

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const submission = await readJsonBody(event, entrySubmissionSchema);
	await updateEntryForOrganiser(actor, id, submission);
	return json(toApiEntryDetail(await getEntry(actor, id)));
});
