import type { PageServerLoad } from './$types';
import { getPublicDraw } from '$lib/server/draw/public-draw';
import { pageLoad } from '$lib/server/http/pages';

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => ({ draw: await getPublicDraw(event.params.slug) })) satisfies PageServerLoad;
