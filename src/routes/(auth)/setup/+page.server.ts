import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { setupSchema } from '$lib/schemas/auth';
import { completeSetup, isSetupNeeded } from '$lib/server/auth/account';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { requestContext } from '$lib/server/http/request-context';
import { routes } from '$lib/routes';
import { buildDemo, demoSlugBeside } from '$lib/server/demo/build-demo';
import { m } from '$lib/paraglide/messages.js';

// Once an account exists the set-up page no longer exists either.
async function requireSetupNeeded() {
	if (!(await isSetupNeeded())) error(404, { message: m.errors_not_found(), code: 'not_found' });
}

export const load = (async () => {
	await requireSetupNeeded();
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		await requireSetupNeeded();
		const parsed = await parseForm(event.request, setupSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => completeSetup(parsed.data, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		if (parsed.data.withDemo) {
			// The example organisation (issue 17) with the new owner as its owner; a few seconds. The set-up is
			// done whatever happens here, so a failure is logged and the owner lands in their own organisation,
			// which tells them the example is missing.
			const slug = demoSlugBeside(parsed.data.organisationSlug);
			const built = await buildDemo({ user: result.user, ip: requestContext(event).ip, requestId: event.locals.requestId }, slug).then(
				() => true,
				(failure: unknown) => (console.error(`[jiangxin] the example organisation was not built: ${failure instanceof Error ? failure.message : failure}`), false)
			);
			if (built) redirect(303, routes.organisation(slug));
			redirect(303, `${routes.organisation(parsed.data.organisationSlug)}?demo=failed`);
		}
		redirect(303, routes.organisation(parsed.data.organisationSlug));
	}
} satisfies Actions;
