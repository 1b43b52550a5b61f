import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db/client';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { routes } from '$lib/routes';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await invalidateSession(db(), locals.session.id);
	deleteSessionCookie(cookies, url);
	redirect(303, routes.signIn());
};
