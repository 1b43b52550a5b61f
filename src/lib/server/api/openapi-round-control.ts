import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { deviceListSchema, deviceSchema, matrixSchema, provisionalResultsSchema, sheetSchema, signOffSchema } from '$lib/schemas/api/round-control';
import { idPathSchema } from '$lib/schemas/competition';
import { absenceBodySchema, absenceTargetSchema, sheetReasonBodySchema } from '$lib/schemas/round-control';

// The head judge's and the organiser's control of a round's scoring (issue 15): the live matrix,
// returns and unlocks, absences, sign-off (裁判长签字), provisional results and the judges' tablets.

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const refused = (description: string) => ({ '409': { ...errorResponses['400'], description } });
const tags = ['round control'];
const byId = { path: idPathSchema };

/** The desk's operations take an API token or, without one, the signed-in session of the round's head judge (tokens are managers' only). */
export const deskSecurity: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];

export const roundControlPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/matrix': {
		get: {
			operationId: 'getRoundMatrix',
			security: deskSecurity,
			tags,
			summary: 'The live matrix: entries × scoring judges with each sheet’s state and R_j, the engine’s aggregate and flags, conflicts, absences, and what is missing',
			description: 'Entries by number only; a blind round’s matrix carries no names or units.',
			requestParams: byId,
			responses: { '200': ok('The matrix', matrixSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/sheet-returns': {
		post: {
			operationId: 'returnSheet',
			security: deskSecurity,
			tags,
			summary: 'Return a submitted sheet to its judge with a reason (the judge sees it); the sheet becomes `returned`',
			requestParams: byId,
			requestBody: body(sheetReasonBodySchema),
			responses: { '200': ok('The sheet', sheetSchema), ...errorResponses, ...refused('The sheet is not submitted, or the round is signed off.') }
		}
	},
	'/rounds/{id}/sheet-unlocks': {
		post: {
			operationId: 'unlockSheet',
			security: deskSecurity,
			tags,
			summary: 'Unlock a locked sheet with a reason; it becomes `submitted` again and the round’s sign-off is withdrawn',
			requestParams: byId,
			requestBody: body(sheetReasonBodySchema),
			responses: { '200': ok('The sheet', sheetSchema), ...errorResponses, ...refused('The sheet is not locked.') }
		}
	},
	'/rounds/{id}/absences': {
		post: {
			operationId: 'markJudgeAbsent',
			security: deskSecurity,
			tags,
			summary: 'Record that a scoring judge will not score an entry, with a reason; sign-off then does not wait for that sheet',
			requestParams: byId,
			requestBody: body(absenceBodySchema),
			responses: { '201': { description: 'Recorded' }, ...errorResponses, ...refused('Already recorded, or the round is signed off.') }
		},
		delete: {
			operationId: 'clearJudgeAbsence',
			security: deskSecurity,
			tags,
			summary: 'Withdraw an absence: the judge’s sheet for the entry is expected again',
			requestParams: { path: idPathSchema, query: absenceTargetSchema },
			responses: { '204': { description: 'Withdrawn' }, ...errorResponses, ...refused('The round is signed off.') }
		}
	},
	'/rounds/{id}/sign-off': {
		post: {
			operationId: 'signOffRound',
			security: deskSecurity,
			tags,
			summary: 'Sign off the round (裁判长签字): locks every sheet; refused, naming what is missing, until every expected sheet is in',
			description: 'Expected: every scoring judge × entry × `judges` component, minus judges who stand aside and judges marked absent.',
			requestParams: byId,
			responses: { '200': ok('Signed off', signOffSchema), ...errorResponses, ...refused('Sheets are missing (the message names them), or the round is already signed off.') }
		}
	},
	'/rounds/{id}/provisional-results': {
		get: {
			operationId: 'getProvisionalResults',
			security: deskSecurity,
			tags,
			summary: 'The engine’s provisional results from the stored rows, for the head judge and organisers; refused before sign-off',
			requestParams: byId,
			responses: { '200': ok('Results by rank', provisionalResultsSchema), ...errorResponses, ...refused('The round is not signed off yet.') }
		}
	},
	'/rounds/{id}/devices': {
		get: {
			operationId: 'listRoundDevices',
			security: deskSecurity,
			tags,
			summary: 'The tablets of the round’s panel: judge, last heartbeat, outbox size reported, clock skew, app version',
			requestParams: byId,
			responses: { '200': ok('Tablets', deviceListSchema), ...errorResponses }
		}
	},
	'/devices/{id}/revoke': {
		post: {
			operationId: 'revokeDevice',
			security: deskSecurity,
			tags,
			summary: 'Revoke a judge’s tablet: its session ends at once (HTTP and socket), and its judge’s devices are told',
			requestParams: byId,
			responses: { '200': ok('The tablet', deviceSchema), ...errorResponses, ...refused('Already revoked.') }
		}
	}
};
