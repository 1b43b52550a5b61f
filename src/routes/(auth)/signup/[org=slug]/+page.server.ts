import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signUpSchema } from '$lib/schemas/auth';
import { signUp } from '$lib/server/auth/account';
import { getOrganisationForSignUp } from '$lib/server/organisations/service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { requestContext } from '$lib/server/http/request-context';
import { routes } from '$lib/routes';
import { m } from '$lib/paraglide/messages.js';

export const load = (async ({ params }) => {
	const organisation = await getOrganisationForSignUp(params.org);
	if (!organisation) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return { organisation: { name: organisation.name, allowSignUp: organisation.allowSignUp } };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, signUpSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => signUp(event.params.org, parsed.data, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, routes.home());
	}
} satisfies Actions;
