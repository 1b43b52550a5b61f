import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { signOut } from '$lib/server/auth/account';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { routes } from '$lib/routes';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await signOut(locals.session.id);
	deleteSessionCookie(cookies, url);
	redirect(303, routes.signIn());
};
