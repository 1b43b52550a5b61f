import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { createCompetition, listCompetitions } from '$lib/server/competitions/competition-service';
import { createCompetitionFromTemplate, listSchemeTemplates } from '$lib/server/competitions/template-service';
import { createCompetitionSchema } from '$lib/schemas/competition';
import { parseForm, runAction } from '$lib/server/http/forms';
import { getLocale } from '$lib/paraglide/runtime.js';
import { routes } from '$lib/routes';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	const templates = listSchemeTemplates().map(({ key, label }) => ({ key, label }));
	return { competitions: await listCompetitions(actor), templates };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
		const parsed = await parseForm(event.request, createCompetitionSchema);
		if (!parsed.ok) return parsed.failure;
		const { template, eventName, ...fields } = parsed.data;
		const result = await runAction(parsed.formData, () =>
			template ? createCompetitionFromTemplate(actor, fields, { templateKey: template, eventName, locale: getLocale() }) : createCompetition(actor, fields)
		);
		if (!('id' in result)) return result;
		redirect(303, routes.competition(actor.organisation.slug, result.id));
	}
} satisfies Actions;
