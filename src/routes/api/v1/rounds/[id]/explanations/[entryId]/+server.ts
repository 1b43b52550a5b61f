import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { explanationOfRoundEntry } from '$lib/server/notice';
import { roundEntryPathSchema } from '$lib/schemas/api/notice';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id, entryId } = readParams(event.params, roundEntryPathSchema);
	const { round, entry, explanation } = await explanationOfRoundEntry(actor, id, entryId, new Date());
	return json({ round, entry, explanation });
});
