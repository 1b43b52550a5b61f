import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { withdrawBodySchema } from '$lib/schemas/screening';
import { getEntry } from '$lib/server/screening/screening-service';
import { withdrawEntryForOrganiser } from '$lib/server/screening/organiser-entries';
import { toApiEntryDetail } from '$lib/server/api/entry-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { reason } = await readJsonBody(event, withdrawBodySchema);
	await withdrawEntryForOrganiser(actor, id, reason);
	return json(toApiEntryDetail(await getEntry(actor, id)));
});
