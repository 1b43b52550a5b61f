import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody } from '$lib/server/http/api';
import { inviteMember, listInvitations } from '$lib/server/organisations/invitations';
import { inviteMemberBodySchema } from '$lib/schemas/api/organisation';
import { toApiCreatedInvitation, toApiInvitation } from '$lib/server/api/representations';
import { routes } from '$lib/routes';

export const GET: RequestHandler = apiHandler(async (actor) => {
	return json({ invitations: (await listInvitations(actor)).map(toApiInvitation) });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const invitation = await inviteMember(actor, await readJsonBody(event, inviteMemberBodySchema));
	return json(toApiCreatedInvitation(invitation, new URL(routes.invitation(invitation.token), event.url.origin).href), { status: 201 });
});
