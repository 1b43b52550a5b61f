import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signInSchema } from '$lib/schemas/auth';
import { signIn } from '$lib/server/auth/sign-in';
import { isSetupNeeded } from '$lib/server/auth/account';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { setLocaleCookie } from '$lib/server/i18n/locale-cookie';
import { clientAddress } from '$lib/server/auth/guards';
import { parseForm, runAction } from '$lib/server/http/forms';
import { routes, safeRedirectTarget } from '$lib/routes';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	if (await isSetupNeeded()) redirect(303, routes.setup());
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, signInSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () =>
			signIn(parsed.data, { ip: clientAddress(event), now: new Date() })
		);
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		// The account's language follows the person to a new device.
		if (result.user.locale) setLocaleCookie(event.cookies, result.user.locale);
		redirect(303, safeRedirectTarget(parsed.data.redirectTo));
	}
} satisfies Actions;
