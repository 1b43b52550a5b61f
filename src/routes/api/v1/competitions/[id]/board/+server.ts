import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { getBoardSettings } from '$lib/server/live/board-service';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const settings = await getBoardSettings(actor, id);
	return json({ ...settings, boardPath: `/live/${settings.competition.slug}` });
});
