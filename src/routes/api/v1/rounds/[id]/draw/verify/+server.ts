import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { verifyRoundDraw } from '$lib/server/draw/draw-service';
import { roundPathSchema } from '$lib/schemas/draw';
import { toApiVerification } from '$lib/server/api/draw-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, roundPathSchema);
	return json(toApiVerification(id, await verifyRoundDraw(actor, id)));
});
