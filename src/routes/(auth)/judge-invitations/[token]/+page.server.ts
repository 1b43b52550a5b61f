import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { judgeInvitationTokenSchema, judgeNewAccountSchema } from '$lib/schemas/judges';
import { acceptJudgeInvitation, acceptJudgeInvitationWithNewAccount, getJudgeInvitationForLink } from '$lib/server/judging/access-service';
import { requireUser } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { requestContext } from '$lib/server/http/request-context';
import { routes } from '$lib/routes';

function tokenOf(params: { token: string }): string {
	const parsed = judgeInvitationTokenSchema.safeParse(params.token);
	if (!parsed.success) error(404, { message: m.judges_error_invitation_invalid(), code: 'judge_invitation_invalid' });
	return parsed.data;
}

export const load = (async ({ params, locals }) => {
	const token = tokenOf(params);
	const invitation = await getJudgeInvitationForLink(token);
	if (!invitation) error(404, { message: m.judges_error_invitation_invalid(), code: 'judge_invitation_invalid' });
	return { invitation, signedInEmail: locals.user?.email ?? null, signInHref: routes.signIn(routes.judgeInvitation(token)) };
}) satisfies PageServerLoad;

export const actions = {
	accept: async (event) => {
		const actor = requireUser(event);
		const result = await runAction(new FormData(), () => acceptJudgeInvitation(actor, tokenOf(event.params)));
		if (result) return result;
		redirect(303, routes.judgeHome());
	},
	createAccount: async (event) => {
		const parsed = await parseForm(event.request, judgeNewAccountSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => acceptJudgeInvitationWithNewAccount(tokenOf(event.params), parsed.data, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, routes.judgeHome());
	}
} satisfies Actions;
