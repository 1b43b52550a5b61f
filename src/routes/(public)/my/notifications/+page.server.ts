import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guards';
import { openNotifications } from '$lib/server/notice';

export const load = (async (event) => ({ notifications: await openNotifications(requireUser(event)), locale: getLocale() })) satisfies PageServerLoad;
