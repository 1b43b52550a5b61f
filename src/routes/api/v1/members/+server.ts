import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody } from '$lib/server/http/api';
import { listMembers } from '$lib/server/organisations/service';
import { inviteMember } from '$lib/server/organisations/invitations';
import { inviteMemberBodySchema } from '$lib/schemas/api/organisation';
import { toApiCreatedInvitation, toApiMember } from '$lib/server/api/representations';
import { routes } from '$lib/routes';

export const GET: RequestHandler = apiHandler(async (actor) => {
	return json({ members: (await listMembers(actor)).map(toApiMember) });
});

/** Kept for existing callers: adding by e-mail is an invitation (202), exactly as POST /invitations. */
export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const invitation = await inviteMember(actor, await readJsonBody(event, inviteMemberBodySchema));
	return json(toApiCreatedInvitation(invitation, new URL(routes.invitation(invitation.token), event.url.origin).href), { status: 202 });
});
