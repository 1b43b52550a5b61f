import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { deskActorForApi } from '$lib/server/entered/access';
import { deskApiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getDeductionGrid, saveDeductionCounts } from '$lib/server/entered/counts-service';
import { toApiDeductionGrid } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { deductionCountsSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiDeductionGrid(await getDeductionGrid(await deskActorForApi(caller, id), id)));
});

export const PUT: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const actor = await deskActorForApi(caller, id);
	await saveDeductionCounts(actor, id, (await readJsonBody(event, deductionCountsSchema)).counts);
	return json(toApiDeductionGrid(await getDeductionGrid(actor, id)));
});
