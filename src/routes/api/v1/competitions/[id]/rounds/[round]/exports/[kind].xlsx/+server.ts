import type { RequestHandler } from './$types';
import { deskApiHandler, readParams } from '$lib/server/http/api';
import { DomainError } from '$lib/server/domain-error';
import { controlForApi } from '$lib/server/round-control/access';
import { buildRoundExport, exportResponse } from '$lib/server/exports/export-service';
import { roundExportPathSchema } from '$lib/schemas/exports';

export const GET: RequestHandler = deskApiHandler(async (caller, event) => {
	const { id, round, kind } = readParams(event.params, roundExportPathSchema);
	const control = await controlForApi(caller, round);
	// A round of another competition is not found under this one.
	if (control.round.competitionId !== id) throw new DomainError('not_found');
	return exportResponse(await buildRoundExport(control, kind), kind);
});
