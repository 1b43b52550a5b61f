import type { RequestHandler } from './$types';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { revokeDeviceForApi } from '$lib/server/round-control/devices-service';
import { toApiDevice } from '$lib/server/api/round-control-representations';

export const POST: RequestHandler = deskApiHandler(async (caller, event) => Response.json(toApiDevice(await revokeDeviceForApi(caller, readParams(event.params, idPathSchema).id))));
