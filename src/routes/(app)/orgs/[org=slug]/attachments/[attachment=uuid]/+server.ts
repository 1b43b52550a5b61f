import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { throwAsPageError } from '$lib/server/http/pages';
import { attachmentResponse, openAttachmentForStaff } from '$lib/server/registration/attachments';

/** An entry's file for the organisation's owners and organisers and the competition's judges; 404 to anyone else. */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	try {
		return attachmentResponse(await openAttachmentForStaff(actor, event.params.org, event.params.attachment));
	} catch (caught) {
		throwAsPageError(caught);
	}
};
