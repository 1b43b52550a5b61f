import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { readAuditLog } from '$lib/server/audit/service';
import { auditFilterSchema } from '$lib/schemas/audit';
import { fieldErrors } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, ['owner']);
	const query = Object.fromEntries(event.url.searchParams);
	const parsed = auditFilterSchema.safeParse(query);
	const filter = parsed.success ? parsed.data : {};
	const log = await readAuditLog(actor, filter);
	return { ...log, query, errors: parsed.success ? {} : fieldErrors(parsed.error) };
}) satisfies PageServerLoad;
