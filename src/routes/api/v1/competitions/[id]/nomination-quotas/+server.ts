import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { addQuota, listQuotas } from '$lib/server/recommendation/quota-service';
import { toApiQuota } from '$lib/server/api/recommend-representations';
import { idPathSchema } from '$lib/schemas/competition';
import { quotaInputSchema } from '$lib/schemas/recommend';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json({ quotas: (await listQuotas(actor, id)).map(toApiQuota) });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const input = await readJsonBody(event, quotaInputSchema);
	return json(toApiQuota(await addQuota(actor, id, input)), { status: 201 });
});
