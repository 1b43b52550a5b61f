import type { PageServerLoad } from './$types';
import { requireMembershipOnRound } from '$lib/server/auth/guards';
import { pageLoad } from '$lib/server/http/pages';
import { controlAsMember } from '$lib/server/round-control/access';
import { loadRoundAnalysis } from '$lib/server/results-analysis/analysis-service';

// Owners and organisers, or this round's head judge; the round must be the competition's in the address (else 404).
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const control = await controlAsMember(await requireMembershipOnRound(event), event.params.round);
	return { slug: event.params.org, analysis: await loadRoundAnalysis(control) };
}) satisfies PageServerLoad;
