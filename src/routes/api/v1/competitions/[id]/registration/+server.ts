import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { registrationSettingsSchema } from '$lib/schemas/registration';
import { getRegistrationSettings, updateRegistrationSettings } from '$lib/server/registration/settings-service';
import { toApiRegistrationSettings } from '$lib/server/api/registration-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiRegistrationSettings(await getRegistrationSettings(actor, id)));
});

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const patch = await readJsonBody(event, registrationSettingsSchema);
	return json(toApiRegistrationSettings(await updateRegistrationSettings(actor, id, patch)));
});
