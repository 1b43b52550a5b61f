import type { SheetState } from '$lib/realtime/events';
import type { SheetWrite } from '$lib/schemas/sheets';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { applySheetWrite, type AppliedWrite } from './apply-service';
import * as sheets from './sheet-queries';

// The API's side of the judges' sheets, for organisers whose judges score in another system or on
// paper: the same write (apply-service.ts) as a tablet's, on the named judge's behalf, source 'api'.

/** Every sheet of the round (managers only), narrowed to one judge or one entry when asked. */
export async function listRoundSheets(actor: OrgActor, roundId: string, filter: { judgeId?: string; entryId?: string }): Promise<SheetState[]> {
	requireRole(actor, MANAGER_ROLES);
	if (!(await sheets.getScoringRound(db(), actor.organisation.id, roundId))) throw new DomainError('not_found');
	return (await sheets.listSheetsOfRound(db(), actor.organisation.id, roundId, filter)).map(sheets.toSheetState);
}

/** Writes one judge's sheet for one entry; the judge must score on the round's panel without a conflict. */
export async function writeSheetForJudge(actor: OrgActor, target: sheets.SheetKey, body: SheetWrite): Promise<AppliedWrite> {
	requireRole(actor, MANAGER_ROLES);
	return applySheetWrite(
		{ actor, organisationId: actor.organisation.id, judgeId: target.judgeId, source: 'api', deviceId: null },
		{ ...target, ...body, clientTime: body.clientTime ?? null }
	);
}
