import type { RequestHandler } from './$types';
import script from '../../../scripts/verify-draw.mjs?raw';

/** The standalone draw verifier, for download from the public draw page. */
export const GET: RequestHandler = () =>
	new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'content-disposition': 'attachment; filename="verify-draw.mjs"' } });
