import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getDeductionGrid, saveDeductionCounts } from '$lib/server/entered/counts-service';
import { toApiDeductionGrid } from '$lib/server/api/entered-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { deductionCountsSchema } from '$lib/schemas/entered';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiDeductionGrid(await getDeductionGrid(actor, readParams(event.params, idPathSchema).id))));

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	await saveDeductionCounts(actor, id, (await readJsonBody(event, deductionCountsSchema)).counts);
	return json(toApiDeductionGrid(await getDeductionGrid(actor, id)));
});
