import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listMyRounds } from '$lib/server/judging/judge-view';

export const load = (async (event) => ({ rounds: await listMyRounds(requireUser(event)) })) satisfies PageServerLoad;
