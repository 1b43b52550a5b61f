import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { openDecodingTable } from '$lib/server/draw/draw-service';
import { roundPathSchema } from '$lib/schemas/draw';
import { toApiDecodingTable } from '$lib/server/api/draw-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, roundPathSchema);
	const { round, rows } = await openDecodingTable(actor, id);
	return json(toApiDecodingTable(id, round.scoresLockedAt === null, rows));
});
