import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { controlAsManager } from '$lib/server/round-control/access';
import { listRoundDevices } from '$lib/server/round-control/devices-service';
import { toApiDevice } from '$lib/server/api/round-control-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const control = await controlAsManager(actor, readParams(event.params, idPathSchema).id);
	return Response.json({ devices: (await listRoundDevices(control)).map(toApiDevice) });
});
