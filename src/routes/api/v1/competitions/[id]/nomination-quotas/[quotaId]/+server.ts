import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { changeQuota, removeQuota } from '$lib/server/recommendation/quota-service';
import { toApiQuota } from '$lib/server/api/recommend-representations';
import { quotaChangeSchema, quotaPathSchema } from '$lib/schemas/recommend';

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id, quotaId } = readParams(event.params, quotaPathSchema);
	const { quota } = await readJsonBody(event, quotaChangeSchema);
	return json(toApiQuota(await changeQuota(actor, id, quotaId, quota)));
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const { id, quotaId } = readParams(event.params, quotaPathSchema);
	await removeQuota(actor, id, quotaId);
	return new Response(null, { status: 204 });
});
