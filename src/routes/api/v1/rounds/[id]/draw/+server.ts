import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { getRoundDraw } from '$lib/server/draw/draw-service';
import { roundPathSchema } from '$lib/schemas/draw';
import { toApiRoundDraw } from '$lib/server/api/draw-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	return json(toApiRoundDraw(await getRoundDraw(actor, readParams(event.params, roundPathSchema).id)));
});
