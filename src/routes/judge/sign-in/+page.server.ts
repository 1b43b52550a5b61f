import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signInCodeFormSchema } from '$lib/schemas/judges';
import { redeemSignInCode } from '$lib/server/judging/access-service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { parseForm, runAction } from '$lib/server/http/forms';
import { requestContext } from '$lib/server/http/request-context';
import { routes } from '$lib/routes';

// Opening the QR code's link only fills the field: signing in is a POST, so a link preview or a
// prefetch never uses up the code.
export const load = (({ url }) => {
	const code = url.searchParams.get('code') ?? '';
	// A tablet the head judge revoked lands here with ?revoked=1 (judging-client/device.svelte.ts) and says so.
	return { code: code.length <= 40 ? code : '', revoked: url.searchParams.get('revoked') === '1' };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, signInCodeFormSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => redeemSignInCode(parsed.data.code, requestContext(event)));
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, routes.judgeHome());
	}
} satisfies Actions;
