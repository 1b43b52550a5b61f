import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getPublicDraw } from '$lib/server/draw/public-draw';
import { throwAsPageError } from '$lib/server/http/pages';

/** The public draw data the standalone verifier (scripts/verify-draw.mjs) reads. Numbers only. */
export const GET: RequestHandler = async ({ params }) => {
	try {
		return json(await getPublicDraw(params.slug), { headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-cache' } });
	} catch (caught) {
		return throwAsPageError(caught);
	}
};
