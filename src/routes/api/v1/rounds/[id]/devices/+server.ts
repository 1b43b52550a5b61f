import type { RequestHandler } from './$types';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlForApi } from '$lib/server/round-control/access';
import { listRoundDevices } from '$lib/server/round-control/devices-service';
import { toApiDevice } from '$lib/server/api/round-control-representations';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const control = await controlForApi(caller, readParams(event.params, idPathSchema).id);
	return Response.json({ devices: (await listRoundDevices(control)).map(toApiDevice) });
});
