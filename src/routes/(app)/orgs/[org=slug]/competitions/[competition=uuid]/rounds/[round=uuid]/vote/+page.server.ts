import type { Actions, PageServerLoad } from './$types';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { getPublicTally, getRoundVotePolicy, saveRoundVotePolicy } from '$lib/server/voting';
import { votePolicySchema } from '$lib/schemas/voting';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await requireMembershipOnRound(event, MANAGER_ROLES);
	const settings = await getRoundVotePolicy(actor, event.params.round);
	const tally = settings.policy ? await getPublicTally(actor, event.params.round, new Date()) : null;
	const policy = settings.policy && {
		...settings.policy,
		opensAt: formatShanghaiTime(settings.policy.opensAt).slice(0, 16),
		closesAt: formatShanghaiTime(settings.policy.closesAt).slice(0, 16),
		dailyPublishTime: settings.policy.dailyPublishTime?.slice(0, 5) ?? ''
	};
	return { ...settings, policy, publicVisible: tally?.visible ?? false, competitionId: event.params.competition };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await requireMembershipOnRound(event, MANAGER_ROLES);
		const parsed = await parseForm(event.request, votePolicySchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			await saveRoundVotePolicy(actor, event.params.round, parsed.data);
			return { saved: true };
		});
	}
} satisfies Actions;
