import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { throwAsPageError } from '$lib/server/http/pages';
import { loadMyEntryForEdit, submitEntryForm } from '$lib/server/registration/contestant-service';
import { loadRegistrationFrame } from '$lib/server/registration/public-service';
import { ATTACHMENT_MAX_BYTES } from '$lib/server/registration/attachments';
import { publicRoutes } from '$lib/registration-routes';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = requireUser(event);
	const { entry, state } = await loadMyEntryForEdit(actor, event.params.entry);
	const frame = await loadRegistrationFrame(entry.competitionSlug, entry.eventId);
	return {
		competition: { title: frame.competition.title, slug: frame.competition.slug, privacyNotice: frame.competition.privacyNotice, privacyNoticeVersion: frame.competition.privacyNoticeVersion },
		event: frame.event,
		fields: frame.fields,
		initial: state,
		maxMegabytes: ATTACHMENT_MAX_BYTES / 1024 / 1024
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const actor = requireUser(event);
		let entry;
		try {
			({ entry } = await loadMyEntryForEdit(actor, event.params.entry));
		} catch (caught) {
			throwAsPageError(caught);
		}
		const formData = await event.request.formData();
		const outcome = await submitEntryForm(actor, entry.competitionSlug, entry.eventId, formData, entry.id).catch(throwAsPageError);
		if (outcome.ok) redirect(303, publicRoutes.myEntries());
		return outcome.status === 200 ? { state: outcome.state } : fail(outcome.status, { state: outcome.state });
	}
} satisfies Actions;
