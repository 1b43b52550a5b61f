import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { boardStandingsFormSchema } from '$lib/schemas/board';
import { getBoardSettings, setBoardStandings } from '$lib/server/live/board-service';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => getBoardSettings(await manager(event), event.params.competition)) satisfies PageServerLoad;

export const actions = {
	standings: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, boardStandingsFormSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await setBoardStandings(actor, parsed.data.roundId, parsed.data.showsStandings)))) ?? { saved: parsed.data.roundId };
	}
} satisfies Actions;
