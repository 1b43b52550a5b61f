import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { contestantSignUpSchema } from '$lib/schemas/registration';
import { signUpContestant } from '$lib/server/auth/contestant-account';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { requestContext } from '$lib/server/http/request-context';
import { findCompetitionForPublic } from '$lib/server/registration/public-service';
import { publicRoutes } from '$lib/registration-routes';
import { safeRedirectTarget } from '$lib/routes';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const competition = await findCompetitionForPublic(event.params.slug);
	const back = safeRedirectTarget(event.url.searchParams.get('redirectTo'), publicRoutes.competition(competition.slug));
	if (event.locals.user) redirect(303, back);
	return { competition: { title: competition.title, slug: competition.slug }, back };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const competition = await findCompetitionForPublic(event.params.slug).catch(() => null);
		const parsed = await parseForm(event.request, contestantSignUpSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => signUpContestant(parsed.data, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		const fallback = competition ? publicRoutes.competition(competition.slug) : publicRoutes.myEntries();
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), fallback));
	}
} satisfies Actions;
