import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { decodingTableSchema, drawStageStateSchema, drawVerificationSchema, roundDrawSchema } from '$lib/schemas/api/draw';
import { commitBodySchema, roundPathSchema, stageBodySchema } from '$lib/schemas/draw';

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const conflict = { '409': { ...errorResponses['400'], description: 'Not in this order: e.g. the stage was already committed or run, or the previous stage has not run.' } };
const tags = ['draw'];
const byId = { path: roundPathSchema };
const who = 'Owners, organisers and the round’s encryption judges.';

/** The draw (抽签): commit → run → reveal per stage; verify; the sealed decoding table. */
export const drawPaths: ZodOpenApiPathsObject = {
	'/rounds/{id}/draw': {
		get: { operationId: 'getRoundDraw', tags, summary: 'The round’s draw: each stage’s commitment, state and (once revealed) seed, and the numbers drawn', description: `${who} Numbers only, never a person.`, requestParams: byId, responses: { '200': ok('The draw', roundDrawSchema), ...errorResponses } }
	},
	'/rounds/{id}/draw/commit': {
		post: {
			operationId: 'commitDrawStage',
			tags,
			summary: 'Commit a stage: a fresh random seed is drawn and kept secret; its SHA-256 and the entries drawn among are published',
			description: `${who} Stage 1 draws among the event’s approved entries (first round) or the round’s entries; stages 2 and 3 among the entries with a contestant number, after the previous stage has run. A stage is committed once.`,
			requestParams: byId,
			requestBody: body(commitBodySchema),
			responses: { '201': ok('The committed stage', drawStageStateSchema), ...errorResponses, ...conflict }
		}
	},
	'/rounds/{id}/draw/run': {
		post: {
			operationId: 'runDrawStage',
			tags,
			summary: 'Run a committed stage: the seed decides the places (numbers, running order and stations, or marking numbers); once only',
			description: `${who} The algorithm is documented on the public draw page and in README.`,
			requestParams: byId,
			requestBody: body(stageBodySchema),
			responses: { '200': ok('The stage, run', drawStageStateSchema), ...errorResponses, ...conflict }
		}
	},
	'/rounds/{id}/draw/reveal': {
		post: {
			operationId: 'revealDrawStage',
			tags,
			summary: 'Reveal a stage’s seed so anyone can recompute the draw; marking numbers (stage 3) only after the round’s scores are locked',
			description: who,
			requestParams: byId,
			requestBody: body(stageBodySchema),
			responses: { '200': ok('The stage with its seed', drawStageStateSchema), ...errorResponses, ...conflict }
		}
	},
	'/rounds/{id}/draw/verify': {
		get: { operationId: 'verifyRoundDraw', tags, summary: 'Recompute every revealed stage from its seed and say whether it matches the commitment, the published places and the recorded numbers', description: who, requestParams: byId, responses: { '200': ok('The verification', drawVerificationSchema), ...errorResponses } }
	},
	'/rounds/{id}/decoding-table': {
		get: {
			operationId: 'openDecodingTable',
			tags,
			summary: 'The decoding table (number → person); every opening is recorded in the audit log',
			description: 'Sealed until the head judge locks the round’s scores: until then only owners and the round’s encryption judges may open it (403 `draw_sealed` for others); afterwards organisers too.',
			requestParams: byId,
			responses: { '200': ok('The decoding table', decodingTableSchema), ...errorResponses }
		}
	}
};
