import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { pageLoad, throwAsPageError } from '$lib/server/http/pages';
import { loadRegistrationFrame } from '$lib/server/registration/public-service';
import { submitEntryForm, type EntryFormState } from '$lib/server/registration/contestant-service';
import { ATTACHMENT_MAX_BYTES } from '$lib/server/registration/attachments';
import { publicRoutes } from '$lib/registration-routes';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const frame = await loadRegistrationFrame(event.params.slug, event.params.event);
	// Someone new makes an account first (phone or e-mail), then comes back here.
	if (!event.locals.user) redirect(303, `${publicRoutes.signUp(frame.competition.slug)}?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	const { competition } = frame;
	const empty: EntryFormState = { values: {}, errors: {}, memberCount: frame.event.participation === 'team' ? frame.event.teamMinMembers : 1, attachments: {} };
	return {
		competition: { title: competition.title, slug: competition.slug, privacyNotice: competition.privacyNotice, privacyNoticeVersion: competition.privacyNoticeVersion },
		event: frame.event,
		fields: frame.fields,
		registrationOpen: frame.registrationOpen,
		empty,
		maxMegabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const formData = await event.request.formData();
		const outcome = await submitEntryForm(actor, event.params.slug, event.params.event, formData).catch(throwAsPageError);
		if (outcome.ok) redirect(303, `${publicRoutes.myEntries()}?registered=${outcome.entryId}`);
		// "Add a member" answers 200 with the reshaped form; mistakes answer 4xx with a message at each field.
		return outcome.status === 200 ? { state: outcome.state } : fail(outcome.status, { state: outcome.state });
	}
} satisfies Actions;
