import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { writeSheetForJudge } from '$lib/server/sheets/sheets-service';
import { sheetPathSchema, sheetWriteBodySchema } from '$lib/schemas/sheets';

export const PUT: RequestHandler = apiHandler(async (actor, event) => {
	const { id, judgeId, entryId, componentKey } = readParams(event.params, sheetPathSchema);
	const { sheet, replayed, superseded } = await writeSheetForJudge(actor, { roundId: id, judgeId, entryId, componentKey }, await readJsonBody(event, sheetWriteBodySchema));
	return json({ sheet, replayed, superseded });
});
