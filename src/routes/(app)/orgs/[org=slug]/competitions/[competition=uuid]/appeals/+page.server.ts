import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { listMembers } from '$lib/server/organisations/service';
import { addArbitrator, decideAppeal, getArbitrators, listCompetitionAppeals, recordAppealRescore, removeArbitrator, setAppealWindow } from '$lib/server/notice';
import { appealDecisionSchema, appealRescoreSchema, appealWindowSchema, arbitratorSchema } from '$lib/schemas/notice';

// Organisers and the arbitration group (仲裁组) both read this page; each action checks its own role.
const member = (event: RequestEvent) => requireMembership(event, event.params.org);
const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await member(event);
	const appeals = await listCompetitionAppeals(actor, event.params.competition);
	const [arbitrators, members] = appeals.isManager ? await Promise.all([getArbitrators(actor, event.params.competition), listMembers(actor)]) : [[], []];
	return { ...appeals, arbitrators, members: members.map(({ userId, displayName, email }) => ({ userId, displayName, email })), locale: getLocale() };
}) satisfies PageServerLoad;

export const actions = {
	decide: async (event) => {
		const actor = await member(event);
		const parsed = await parseForm(event.request, appealDecisionSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => decideAppeal(actor, event.params.competition, parsed.data))) ?? { decided: parsed.data.appealId };
	},
	rescore: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, appealRescoreSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => recordAppealRescore(actor, event.params.competition, parsed.data.appealId, parsed.data.versionId))) ?? { rescored: parsed.data.appealId };
	},
	addArbitrator: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, arbitratorSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => addArbitrator(actor, event.params.competition, parsed.data.userId))) ?? { arbitratorsSaved: true };
	},
	removeArbitrator: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, arbitratorSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => removeArbitrator(actor, event.params.competition, parsed.data.userId))) ?? { arbitratorsSaved: true };
	},
	window: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, appealWindowSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => setAppealWindow(actor, parsed.data.roundId, parsed.data.minutes))) ?? { windowSaved: parsed.data.roundId };
	}
} satisfies Actions;
