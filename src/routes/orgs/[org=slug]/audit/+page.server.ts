import type { PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { readAuditLog } from '$lib/server/audit/service';
import { auditFilterSchema } from '$lib/schemas/audit';
import { fieldErrors } from '$lib/server/http/forms';
import { endOfContestDay, startOfContestDay } from '$lib/format';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, ['owner']);
	const query = Object.fromEntries(event.url.searchParams);
	const parsed = auditFilterSchema.safeParse(query);
	const filter = parsed.success ? parsed.data : {};
	const log = await readAuditLog(actor, {
		action: filter.action,
		actor: filter.actor,
		from: filter.from ? startOfContestDay(filter.from) : undefined,
		until: filter.until ? endOfContestDay(filter.until) : undefined,
		beforeId: filter.before
	});
	return { ...log, query, errors: parsed.success ? {} : fieldErrors(parsed.error) };
}) satisfies PageServerLoad;
