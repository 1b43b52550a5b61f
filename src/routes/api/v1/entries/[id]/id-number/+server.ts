import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { revealPersonalNumbers } from '$lib/server/screening/screening-service';

// Every call is written to the audit log: organisers see full numbers only by asking (PIPL).
export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	return json({ members: await revealPersonalNumbers(actor, id) }, { headers: { 'cache-control': 'no-store' } });
});
