import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { revokeDevice } from '$lib/server/round-control/devices-service';
import { toApiDevice } from '$lib/server/api/round-control-representations';

export const POST: RequestHandler = apiHandler(async (actor, event) => Response.json(toApiDevice(await revokeDevice(actor, readParams(event.params, idPathSchema).id))));
