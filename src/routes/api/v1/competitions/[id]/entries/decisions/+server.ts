import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { bulkDecisionBodySchema, toEntryFilter } from '$lib/schemas/screening';
import { decideEntries } from '$lib/server/screening/screening-service';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const body = await readJsonBody(event, bulkDecisionBodySchema);
	const target = body.entryIds ? { entryIds: body.entryIds } : { filter: toEntryFilter(body.filter ?? {}) };
	return json(await decideEntries(actor, id, target, body.decision, body.reason));
});
