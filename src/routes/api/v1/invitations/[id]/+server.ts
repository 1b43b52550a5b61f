import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { revokeInvitation } from '$lib/server/organisations/invitations';
import { invitationPathSchema } from '$lib/schemas/api/organisation';

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, invitationPathSchema);
	await revokeInvitation(actor, id);
	return new Response(null, { status: 204 });
});
