import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { decisionBodySchema } from '$lib/schemas/screening';
import { decideEntry, getEntry } from '$lib/server/screening/screening-service';
import { toApiEntryDetail } from '$lib/server/api/entry-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { decision, reason } = await readJsonBody(event, decisionBodySchema);
	await decideEntry(actor, id, decision, reason);
	return json(toApiEntryDetail(await getEntry(actor, id)));
});
