import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { conflictListSchema, judgeInvitationSchema, judgeListSchema, judgeSchema, panelSchema, signInCodeSchema } from '$lib/schemas/api/judges';
import { idPathSchema } from '$lib/schemas/competition';
import { declareConflictSchema, judgeFieldsSchema, panelBodySchema } from '$lib/schemas/judges';

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const conflict = { '409': { ...errorResponses['400'], description: 'Not allowed at this stage (the results are final).' } };
const tags = ['judges'];
const byId = { path: idPathSchema };

export const judgePaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/judges': {
		get: { operationId: 'listJudges', tags, summary: 'The competition’s roster of judges', requestParams: byId, responses: { '200': ok('Judges', judgeListSchema), ...errorResponses } },
		post: { operationId: 'addJudge', tags, summary: 'Add a judge to the roster', requestParams: byId, requestBody: body(judgeFieldsSchema), responses: { '201': ok('The judge', judgeSchema), ...errorResponses, ...conflict } }
	},
	'/judges/{id}': {
		get: { operationId: 'getJudge', tags, summary: 'One judge', requestParams: byId, responses: { '200': ok('The judge', judgeSchema), ...errorResponses } },
		patch: { operationId: 'updateJudge', tags, summary: 'Change a judge’s details (all fields)', requestParams: byId, requestBody: body(judgeFieldsSchema), responses: { '200': ok('The judge', judgeSchema), ...errorResponses, ...conflict } },
		delete: { operationId: 'removeJudge', tags, summary: 'Remove a judge from the roster and every panel', requestParams: byId, responses: { '204': { description: 'Removed' }, ...errorResponses, ...conflict } }
	},
	'/judges/{id}/sign-in-code': {
		post: {
			operationId: 'issueJudgeSignInCode',
			tags,
			summary: 'Make a one-time sign-in code for a judge on a shared tablet',
			description:
				'The code (8 characters) is in this answer only and is stored as its SHA-256. It signs the judge in once, until the end of today in Asia/Shanghai, ' +
				'at /judge/sign-in (or by opening `signInUrl`, which the printed QR code holds). A judge without an account gets a login-less one on first use. ' +
				'Making a new code ends the judge’s earlier unused codes.',
			requestParams: byId,
			responses: { '201': ok('The code', signInCodeSchema), ...errorResponses }
		}
	},
	'/judges/{id}/invitation': {
		post: {
			operationId: 'inviteJudge',
			tags,
			summary: 'Make an invitation link that attaches the judge’s own account to the roster entry',
			requestParams: byId,
			responses: { '201': ok('The link, shown only here', judgeInvitationSchema), ...errorResponses }
		}
	},
	'/rounds/{id}/panel': {
		get: { operationId: 'getPanel', tags, summary: 'The round’s panel: scoring judges, the head judge and encryption judges', requestParams: byId, responses: { '200': ok('The panel', panelSchema), ...errorResponses } },
		put: {
			operationId: 'savePanel',
			tags,
			summary: 'Replace the round’s panel',
			description: 'Judges of the round’s competition only; one judge may hold several roles (one member per role). A non-empty panel needs exactly one `head`.',
			requestParams: byId,
			requestBody: body(panelBodySchema),
			responses: { '200': ok('The panel', panelSchema), ...errorResponses, ...conflict }
		}
	},
	'/rounds/{id}/conflicts': {
		get: {
			operationId: 'listConflicts',
			tags,
			summary: 'Every conflict of interest in the round: automatic (same unit, compared after normalising) and declared, with who declared it and when',
			requestParams: byId,
			responses: { '200': ok('Conflicts', conflictListSchema), ...errorResponses }
		},
		post: {
			operationId: 'declareConflict',
			tags,
			summary: 'Declare that a judge must stand aside for an entry of the round',
			description: 'The server then refuses to give that entry to the judge or take a score from them for it. Declaring the same conflict again changes nothing.',
			requestParams: byId,
			requestBody: body(declareConflictSchema),
			responses: { '201': ok('The round’s conflicts', conflictListSchema), ...errorResponses, ...conflict }
		}
	},
	'/conflicts/{id}': {
		delete: { operationId: 'removeConflict', tags, summary: 'Withdraw a declared conflict (automatic ones cannot be withdrawn)', requestParams: byId, responses: { '204': { description: 'Withdrawn' }, ...errorResponses } }
	}
};
