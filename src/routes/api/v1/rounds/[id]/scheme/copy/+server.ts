import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { copyRoundScheme } from '$lib/server/competitions/scheme-service';
import { copySchemeSchema, idPathSchema } from '$lib/schemas/competition';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { sourceRoundId, reason } = await readJsonBody(event, copySchemeSchema);
	return json({ version: await copyRoundScheme(actor, id, sourceRoundId, reason) });
});
