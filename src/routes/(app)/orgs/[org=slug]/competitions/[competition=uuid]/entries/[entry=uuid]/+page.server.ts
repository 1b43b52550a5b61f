import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { decideEntry, getEntry, revealPersonalNumbers } from '$lib/server/screening/screening-service';
import { decisionFormSchema } from '$lib/schemas/screening';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { evidenceForEntries } from '$lib/server/recommendation/quota-service';
import { m } from '$lib/paraglide/messages.js';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

/** The entry, when it belongs to the competition in the URL (another competition's id is not found). */
async function entryOf(event: RequestEvent) {
	const detail = await getEntry(await manager(event), event.params.entry!);
	if (detail.entry.competitionId !== event.params.competition) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return detail;
}

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const detail = await entryOf(event);
	// A recommended entry (issue 17) shows where it comes from and what it won.
	const evidence = (await evidenceForEntries(await manager(event), [detail.entry.id])).get(detail.entry.id) ?? null;
	return { ...detail, evidence };
}) satisfies PageServerLoad;

export const actions = {
	decide: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, decisionFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			await entryOf(event);
			await decideEntry(actor, event.params.entry, parsed.data.decision, parsed.data.reason);
			return { decided: parsed.data.decision };
		});
	},
	reveal: async (event) => {
		const actor = await manager(event);
		return runAction(new FormData(), async () => {
			await entryOf(event);
			return { revealed: await revealPersonalNumbers(actor, event.params.entry) };
		});
	}
} satisfies Actions;
