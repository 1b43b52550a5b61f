import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { advanceCompetition, getCompetitionOverview, stepBackCompetition, updateCompetition } from '$lib/server/competitions/competition-service';
import { addEvent, addRound, removeEvent, removeRound, updateEvent, updateRound } from '$lib/server/competitions/structure-service';
import {
	addRoundFormSchema,
	advanceCompetitionSchema,
	competitionFieldsSchema,
	eventFieldsSchema,
	removeEventFormSchema,
	removeRoundFormSchema,
	stepBackCompetitionSchema,
	updateEventFormSchema,
	updateRoundFormSchema
} from '$lib/schemas/competition';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { describeBlockers } from '$lib/server/http/errors';
import { countCompetitionEntries } from '$lib/server/screening/screening-service';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const overview = await getCompetitionOverview(actor, event.params.competition);
	return { ...overview, entryCounts: await countCompetitionEntries(actor, event.params.competition), blockerText: describeBlockers(overview.lifecycle.blockers.join(',')) };
}) satisfies PageServerLoad;

export const actions = {
	update: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, competitionFieldsSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await updateCompetition(actor, event.params.competition, parsed.data)))) ?? { saved: true };
	},
	advance: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, advanceCompetitionSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await advanceCompetition(actor, event.params.competition, parsed.data.to)))) ?? { advanced: true };
	},
	stepBack: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, stepBackCompetitionSchema);
		if (!parsed.ok) return parsed.failure;
		const { to, reason } = parsed.data;
		return (await runAction(parsed.formData, async () => void (await stepBackCompetition(actor, event.params.competition, to, reason)))) ?? { steppedBack: true };
	},
	addEvent: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, eventFieldsSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => void (await addEvent(actor, event.params.competition, parsed.data)));
	},
	updateEvent: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, updateEventFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { eventId, ...fields } = parsed.data;
		return runAction(parsed.formData, async () => void (await updateEvent(actor, eventId, fields)));
	},
	removeEvent: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, removeEventFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, () => removeEvent(actor, parsed.data.eventId));
	},
	addRound: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, addRoundFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { eventId, ...fields } = parsed.data;
		return runAction(parsed.formData, async () => void (await addRound(actor, eventId, fields)));
	},
	updateRound: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, updateRoundFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { roundId, ...fields } = parsed.data;
		return runAction(parsed.formData, async () => void (await updateRound(actor, roundId, fields)));
	},
	removeRound: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, removeRoundFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, () => removeRound(actor, parsed.data.roundId));
	}
} satisfies Actions;
