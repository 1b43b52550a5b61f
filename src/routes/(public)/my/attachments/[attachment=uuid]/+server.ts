import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { throwAsPageError } from '$lib/server/http/pages';
import { attachmentResponse, openOwnAttachment } from '$lib/server/registration/attachments';

/** A contestant downloads a file they uploaded themselves. */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	try {
		return attachmentResponse(await openOwnAttachment(actor, event.params.attachment));
	} catch (caught) {
		throwAsPageError(caught);
	}
};
