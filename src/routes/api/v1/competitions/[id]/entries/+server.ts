import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { idPathSchema } from '$lib/schemas/competition';
import { entrySubmissionSchema } from '$lib/schemas/entry';
import { entryFilterSchema, toEntryFilter } from '$lib/schemas/screening';
import { listEntries } from '$lib/server/screening/screening-service';
import { registerEntryForOrganiser } from '$lib/server/screening/organiser-entries';
import { toApiEntry } from '$lib/server/api/entry-representations';

export const GET: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const { page, ...filter } = readParams(Object.fromEntries(event.url.searchParams), entryFilterSchema);
	const result = await listEntries(actor, id, toEntryFilter(filter), page);
	return json({ entries: result.entries.map((row) => toApiEntry(row, result.approvalsNeeded)), total: result.total, page: result.page, pageSize: result.pageSize, counts: result.counts });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const { id } = readParams(event.params, idPathSchema);
	const submission = await readJsonBody(event, entrySubmissionSchema);
	const row = await registerEntryForOrganiser(actor, id, submission);
	return json({ id: row.id, eventId: row.eventId, status: row.status }, { status: 201 });
});
