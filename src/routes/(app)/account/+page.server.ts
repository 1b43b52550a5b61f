import type { Actions, PageServerLoad } from './$types';
import { changePasswordSchema } from '$lib/schemas/auth';
import { changePassword } from '$lib/server/auth/account';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, runAction } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = requireUser(event);
	return { email: actor.user.email };
}) satisfies PageServerLoad;

export const actions = {
	changePassword: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, changePasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => changePassword(actor, event.locals.session!.id, parsed.data));
		return result ?? { passwordChanged: true };
	}
} satisfies Actions;
