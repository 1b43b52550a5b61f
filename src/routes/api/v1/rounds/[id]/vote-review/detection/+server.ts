import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { runDetectionNow } from '$lib/server/vote-review/review-service';
import { toApiDetection } from '$lib/server/api/vote-review-representations';
import { idPathSchema } from '$lib/schemas/competition';

export const POST: RequestHandler = apiHandler(async (actor, event) => json(toApiDetection(await runDetectionNow(actor, readParams(event.params, idPathSchema).id))));
