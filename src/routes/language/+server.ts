import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { setLanguageSchema } from '$lib/schemas/locale';
import { rememberLocale } from '$lib/server/auth/account';
import { setLocaleCookie } from '$lib/server/i18n/locale-cookie';
import { safeRedirectTarget } from '$lib/routes';

/** The language switch: remembered in a cookie, and on the account when someone is signed in. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const parsed = setLanguageSchema.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) redirect(303, '/');
	setLocaleCookie(cookies, parsed.data.locale);
	if (locals.user) await rememberLocale(locals.user.id, parsed.data.locale);
	redirect(303, safeRedirectTarget(parsed.data.redirectTo));
};
