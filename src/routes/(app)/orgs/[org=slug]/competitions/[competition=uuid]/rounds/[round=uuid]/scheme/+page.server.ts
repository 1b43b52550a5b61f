import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getCompetitionOverview } from '$lib/server/competitions/competition-service';
import { copyRoundScheme, getRoundScheme, saveRoundScheme } from '$lib/server/competitions/scheme-service';
import { copySchemeSchema, saveSchemeFormSchema } from '$lib/schemas/competition';
import { asScheme } from '$lib/schemas/scheme';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';

const manager = (event: RequestEvent) => requireMembershipOnRound(event, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const [{ round, current, versions, isFrozen }, overview] = await Promise.all([
		getRoundScheme(actor, event.params.round),
		getCompetitionOverview(actor, event.params.competition)
	]);
	if (round.competitionId !== overview.competition.id) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return {
		competition: { id: overview.competition.id, title: overview.competition.title, status: overview.competition.status },
		round: { id: round.id, name: round.name, eventName: overview.events.find((item) => item.id === round.eventId)?.name ?? '' },
		current: current && { version: current.version, scheme: current.scheme, stamp: `${current.version}:${current.updatedAt.toISOString()}` },
		versions: versions.map(({ version, createdByName, updatedAt, reason }) => ({ version, createdByName, at: updatedAt, reason })),
		isFrozen,
		copySources: overview.events.flatMap((item) =>
			item.rounds
				.filter((other) => other.id !== round.id && other.schemeVersion !== null)
				.map((other) => ({ id: other.id, eventName: item.name, roundName: other.name, version: other.schemeVersion! }))
		)
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, saveSchemeFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { scheme, reason } = parsed.data;
		return runAction(parsed.formData, async () => ({ saved: await saveRoundScheme(actor, event.params.round, asScheme(scheme), { reason }) }));
	},
	copy: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, copySchemeSchema);
		if (!parsed.ok) return parsed.failure;
		const { sourceRoundId, reason } = parsed.data;
		return runAction(parsed.formData, async () => ({ copied: await copyRoundScheme(actor, event.params.round, sourceRoundId, reason) }));
	}
} satisfies Actions;
