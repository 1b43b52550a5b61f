import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { revealStage } from '$lib/server/draw/draw-service';
import { stageBodySchema, roundPathSchema } from '$lib/schemas/draw';
import { toApiDrawStage } from '$lib/server/api/draw-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, roundPathSchema);
	const body = await readJsonBody(event, stageBodySchema);
	return json(toApiDrawStage(await revealStage(actor, id, body.stage)));
});
