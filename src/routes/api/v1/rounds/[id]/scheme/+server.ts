import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getRoundScheme, saveRoundScheme } from '$lib/server/competitions/scheme-service';
import { idPathSchema, saveSchemeBodySchema } from '$lib/schemas/competition';
import { asScheme } from '$lib/schemas/scheme';
import { toApiSchemeVersion } from '$lib/server/api/competition-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { versions, isFrozen } = await getRoundScheme(actor, readParams(event.params, idPathSchema).id);
	return json({ isFrozen, current: versions[0] ? toApiSchemeVersion(versions[0]) : null, versions: versions.map(toApiSchemeVersion) });
});

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { scheme, reason } = await readJsonBody(event, saveSchemeBodySchema);
	return json({ version: await saveRoundScheme(actor, id, asScheme(scheme), { reason }) });
});
