import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { registrationFieldsSchema } from '$lib/schemas/registration';
import { listRegistrationFields, replaceRegistrationFields } from '$lib/server/registration/settings-service';
import { toApiRegistrationFields } from '$lib/server/api/registration-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json(toApiRegistrationFields(await listRegistrationFields(actor, id)));
});

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { fields } = await readJsonBody(event, registrationFieldsSchema);
	return json(toApiRegistrationFields(await replaceRegistrationFields(actor, id, fields)));
});
