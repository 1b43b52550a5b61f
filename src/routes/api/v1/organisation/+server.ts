import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler } from '$lib/server/http/api';
import { getOrganisationSettings } from '$lib/server/organisations/service';

export const GET: RequestHandler = apiHandler(async (actor) => {
	const { id, slug, name, allowSignUp } = await getOrganisationSettings(actor);
	return json({ id, slug, name, allowSignUp });
});
