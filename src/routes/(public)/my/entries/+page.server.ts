import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm, runAction } from '$lib/server/http/forms';
import { listMyEntries, withdrawMyEntry } from '$lib/server/registration/contestant-service';
import { listMyCertificates } from '$lib/server/certificates/certificate-service';
import { withdrawSchema } from '$lib/schemas/registration';
import { unreadNotificationCount } from '$lib/server/notice';
import { m } from '$lib/paraglide/messages.js';

export const load = (async (event) => {
	const actor = requireUser(event);
	const [entries, unread, certificates] = await Promise.all([listMyEntries(actor), unreadNotificationCount(actor), listMyCertificates(actor)]);
	return {
		entries,
		unread,
		// Certificates of the contestant's entries (issue 17), downloadable from the entry's card.
		certificates: certificates.map(({ id, entryId, serial, awardLabel, revokedAt }) => ({ id, entryId, serial, awardLabel, revoked: revokedAt !== null })),
		registered: event.url.searchParams.get('registered')
	};
}) satisfies PageServerLoad;

const withdrawFormSchema = withdrawSchema.extend({ entryId: z.uuid({ error: () => m.validation_invalid() }) });

export const actions = {
	withdraw: async (event) => {
		const actor = requireUser(event);
		const parsed = await parseForm(event.request, withdrawFormSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await runAction(parsed.formData, () => withdrawMyEntry(actor, parsed.data.entryId, parsed.data.reason));
		if (result && typeof result === 'object' && 'status' in result) return fail(result.status, { ...result.data, entryId: parsed.data.entryId });
		return { withdrawn: parsed.data.entryId };
	}
} satisfies Actions;
