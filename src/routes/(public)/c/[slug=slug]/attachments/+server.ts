import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { throwAsPageError } from '$lib/server/http/pages';
import { DomainError } from '$lib/server/domain-error';
import { m } from '$lib/paraglide/messages.js';
import { storeAttachment } from '$lib/server/registration/attachments';
import { findCompetitionForPublic, isRegistrationOpen } from '$lib/server/registration/public-service';

/**
 * Uploads one file for a file field of the registration form (multipart: `fieldKey`, `file`); answers
 * its id and name, to send with the form as `extra.<key>`. The form itself also takes files directly.
 */
export const POST: RequestHandler = async (event) => {
	const actor = requireUser(event);
	try {
		const competition = await findCompetitionForPublic(event.params.slug);
		if (!isRegistrationOpen(competition)) throw new DomainError('registration_closed');
		const form = await event.request.formData();
		const file = form.get('file');
		const fieldKey = form.get('fieldKey');
		if (!(file instanceof File) || typeof fieldKey !== 'string') error(400, { message: m.validation_required(), code: 'invalid_input' });
		const stored = await storeAttachment(actor, { organisationId: competition.organisationId, id: competition.id }, fieldKey, file);
		return json({ id: stored.id, name: stored.originalName, contentType: stored.contentType, sizeBytes: stored.sizeBytes }, { status: 201 });
	} catch (caught) {
		throwAsPageError(caught);
	}
};
