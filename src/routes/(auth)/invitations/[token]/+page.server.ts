import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { acceptWithNewAccountSchema, invitationTokenSchema } from '$lib/schemas/organisation';
import { acceptInvitation, acceptInvitationWithNewAccount, getInvitationForLink } from '$lib/server/organisations/invitations';
import { requireUser } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { requestContext } from '$lib/server/http/request-context';
import { isInvitedAddress } from '$lib/domain/membership/invitation';
import { routes } from '$lib/routes';

function tokenOf(params: { token: string }): string {
	const parsed = invitationTokenSchema.safeParse(params.token);
	if (!parsed.success) error(404, { message: m.membership_invalid_body(), code: 'invitation_invalid' });
	return parsed.data;
}

export const load = (async ({ params, locals }) => {
	const token = tokenOf(params);
	const invitation = await getInvitationForLink(token);
	if (!invitation) error(404, { message: m.membership_invalid_body(), code: 'invitation_invalid' });
	return {
		invitation,
		signedInEmail: locals.user?.email ?? null,
		isInvitedAccount: locals.user?.email ? isInvitedAddress(invitation.email, locals.user.email) : false,
		signInHref: routes.signIn(routes.invitation(token))
	};
}) satisfies PageServerLoad;

export const actions = {
	accept: async (event) => {
		const actor = requireUser(event);
		const result = await runAction(new FormData(), () => acceptInvitation(actor, tokenOf(event.params)));
		if (!('organisationSlug' in result)) return result;
		redirect(303, routes.organisation(result.organisationSlug));
	},
	createAccount: async (event) => {
		const parsed = await parseForm(event.request, acceptWithNewAccountSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => acceptInvitationWithNewAccount(tokenOf(event.params), parsed.data, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, routes.organisation(result.organisationSlug));
	}
} satisfies Actions;
