import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { readAuditLog } from '$lib/server/audit/service';
import { auditFilterSchema } from '$lib/schemas/audit';
import { toApiAuditEntry } from '$lib/server/api/representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const filter = readParams(Object.fromEntries(event.url.searchParams), auditFilterSchema);
	const log = await readAuditLog(actor, filter);
	return json({ entries: log.rows.map(toApiAuditEntry), nextBefore: log.nextBeforeId });
});
