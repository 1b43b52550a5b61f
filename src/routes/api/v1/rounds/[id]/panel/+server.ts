import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { getPanel, savePanel } from '$lib/server/judging/panels-service';
import { idPathSchema } from '$lib/schemas/competition';
import { panelBodySchema } from '$lib/schemas/judges';
import { toApiPanel } from '$lib/server/api/judge-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => json(toApiPanel(await getPanel(actor, readParams(event.params, idPathSchema).id))));

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { members } = await readJsonBody(event, panelBodySchema);
	return json(toApiPanel(await savePanel(actor, id, members)));
});
