import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { exportVotes, votesWorkbookResponse } from '$lib/server/vote-review/votes-export';
import { idPathSchema } from '$lib/schemas/competition';

export const GET: RequestHandler = apiHandler(async (actor, event) => votesWorkbookResponse(await exportVotes(actor, readParams(event.params, idPathSchema).id)));
