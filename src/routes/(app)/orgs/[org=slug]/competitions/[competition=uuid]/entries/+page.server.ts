import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { decideEntries, listEntries, getScreeningReasons, setTwoPersonRule, type BulkTarget } from '$lib/server/screening/screening-service';
import { bulkDecisionFormSchema, entryFilterSchema, toEntryFilter, twoPersonFormSchema } from '$lib/schemas/screening';
import { fieldErrors, parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { evidenceForEntries } from '$lib/server/recommendation/quota-service';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);
const selectedIds = z.array(z.uuid()).max(10_000);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const parsed = entryFilterSchema.safeParse(Object.fromEntries(event.url.searchParams));
	const { page, ...filter } = parsed.success ? parsed.data : { page: 1 };
	const [list, reasons] = await Promise.all([listEntries(actor, event.params.competition, toEntryFilter(filter), page), getScreeningReasons(actor)]);
	// Recommended entries (issue 17) carry where they come from and what they won.
	const evidence = Object.fromEntries(await evidenceForEntries(actor, list.entries.map((entry) => entry.id)));
	return { ...list, evidence, reasons, query: Object.fromEntries(event.url.searchParams), filterErrors: parsed.success ? {} : fieldErrors(parsed.error) };
}) satisfies PageServerLoad;

export const actions = {
	decide: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, bulkDecisionFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { decision, reason, all, filter } = parsed.data;
		const ids = selectedIds.safeParse(parsed.formData.getAll('entryIds'));
		const query = entryFilterSchema.safeParse(Object.fromEntries(new URLSearchParams(filter)));
		if (!ids.success || !query.success || (!all && ids.data.length === 0)) return fail(400, { values: {}, errors: { form: m.screening_choose_entries() } });
		const target: BulkTarget = all ? { filter: toEntryFilter(query.data) } : { entryIds: ids.data };
		return runAction(parsed.formData, async () => ({ summary: await decideEntries(actor, event.params.competition, target, decision, reason) }));
	},
	twoPerson: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, twoPersonFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ ruleSaved: await setTwoPersonRule(actor, event.params.competition, parsed.data.twoPerson).then(() => true) }));
	}
} satisfies Actions;
