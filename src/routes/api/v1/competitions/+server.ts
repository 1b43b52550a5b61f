import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody } from '$lib/server/http/api';
import { createCompetition, listCompetitions } from '$lib/server/competitions/competition-service';
import { createCompetitionFromTemplate } from '$lib/server/competitions/template-service';
import { createCompetitionSchema } from '$lib/schemas/competition';
import { toApiCompetition } from '$lib/server/api/competition-representations';
import { getLocale } from '$lib/paraglide/runtime.js';

export const GET: RequestHandler = apiHandler(async (actor) => json({ competitions: (await listCompetitions(actor)).map(toApiCompetition) }));

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { template, eventName, ...fields } = await readJsonBody(event, createCompetitionSchema);
	const created = template
		? await createCompetitionFromTemplate(actor, fields, { templateKey: template, eventName, locale: getLocale() })
		: await createCompetition(actor, fields);
	return json(toApiCompetition(created), { status: 201 });
});
