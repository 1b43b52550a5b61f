import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import {
	advancementSchema,
	computedVersionSchema,
	createdSchema,
	finalisedSchema,
	publishedSchema,
	revealedSchema,
	specialAwardListSchema,
	verificationSchema,
	versionDiffSchema,
	versionListSchema,
	versionSchema
} from '$lib/schemas/api/results';
import { computeBodySchema, diffQuerySchema, publishBodySchema, removeSpecialAwardBodySchema, resultsPathSchema, specialAwardBodySchema, verifyBodySchema, versionPathSchema } from '$lib/schemas/results';

// A round's results (issue 17, results part): immutable versions computed from the stored rows,
// verification, diffs, special awards, advancement, reveal, publication on notice and finalising.

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const refused = (description: string) => ({ '409': { ...errorResponses['400'], description } });
const tags = ['results'];
const byRound = { path: resultsPathSchema };
const base = '/competitions/{id}/rounds/{roundId}/results';

export const resultsPaths: ZodOpenApiPathsObject = {
	[`${base}/compute`]: {
		post: {
			operationId: 'computeResults',
			tags,
			summary: 'Compute the round’s results from the stored rows only and store them as the next immutable version',
			description: 'Sheets submitted or locked, recusals and absences, deduction counts, entered values, finish times, accepted votes and the frozen scheme version; the special awards in force are taken in. Only after sign-off.',
			requestParams: byRound,
			requestBody: body(computeBodySchema),
			responses: { '201': ok('The stored version', computedVersionSchema), ...errorResponses, ...refused('Not signed off yet, or the results are final.') }
		}
	},
	[`${base}/verify`]: {
		post: {
			operationId: 'verifyResults',
			tags,
			summary: 'Recompute from today’s rows and say whether anything differs from a stored version (digest and every published number, with the diff); nothing is stored',
			requestParams: byRound,
			requestBody: body(verifyBodySchema),
			responses: { '200': ok('The verification', verificationSchema), ...errorResponses, ...refused('No version has been computed.') }
		}
	},
	[`${base}/versions`]: {
		get: { operationId: 'listResultVersions', tags, summary: 'The round’s result versions, newest first', requestParams: byRound, responses: { '200': ok('Versions', versionListSchema), ...errorResponses } }
	},
	[`${base}/versions/{versionId}`]: {
		get: {
			operationId: 'getResultVersion',
			tags,
			summary: 'One version with every published number and the breakdown (numbers only, never names; a blind round’s units and teams only once revealed)',
			requestParams: { path: versionPathSchema },
			responses: { '200': ok('The version', versionSchema), ...errorResponses }
		}
	},
	[`${base}/diff`]: {
		get: {
			operationId: 'diffResultVersions',
			tags,
			summary: 'Two versions side by side: per entry what changed (total, components, rank, tier, special award) and why (which sheets, deduction counts, entered values, votes)',
			requestParams: { path: resultsPathSchema, query: diffQuerySchema },
			responses: { '200': ok('The diff', versionDiffSchema), ...errorResponses }
		}
	},
	[`${base}/special-awards`]: {
		get: { operationId: 'listSpecialAwards', tags, summary: 'Special awards given by hand', requestParams: byRound, responses: { '200': ok('Awards', specialAwardListSchema), ...errorResponses } },
		post: {
			operationId: 'addSpecialAward',
			tags,
			summary: 'Give a special award (e.g. 工匠特别奖) to an entry with a reason; the next computed version carries it',
			requestParams: byRound,
			requestBody: body(specialAwardBodySchema),
			responses: { '201': ok('The award', createdSchema), ...errorResponses, ...refused('The entry already has one, or the results are final.') }
		},
		delete: {
			operationId: 'removeSpecialAward',
			tags,
			summary: 'Withdraw a special award with a reason',
			requestParams: byRound,
			requestBody: body(removeSpecialAwardBodySchema),
			responses: { '204': { description: 'Withdrawn' }, ...errorResponses, ...refused('The results are final.') }
		}
	},
	[`${base}/advance`]: {
		post: {
			operationId: 'advanceEntries',
			tags,
			summary: 'Create the next round’s entries from the advancing entries of the published (else latest) version; idempotent',
			description: 'Entries keep their contestant numbers unless the next round is blind (its draw then gives new ones).',
			requestParams: byRound,
			responses: { '200': ok('What was added', advancementSchema), ...errorResponses, ...refused('No version, or no next round.') }
		}
	},
	[`${base}/reveal`]: {
		post: {
			operationId: 'revealResults',
			tags,
			summary: 'Decode numbers to names in the results (blind until then); only after sign-off',
			requestParams: byRound,
			responses: { '200': ok('Revealed', revealedSchema), ...errorResponses, ...refused('Not signed off, or already revealed.') }
		}
	},
	[`${base}/publish`]: {
		post: {
			operationId: 'publishResults',
			tags,
			summary: 'Put a version on public notice (公示) with its window (start, and days or end)',
			requestParams: byRound,
			requestBody: body(publishBodySchema),
			responses: { '200': ok('Published', publishedSchema), ...errorResponses, ...refused('Not revealed, no version, or the results are final.') }
		}
	},
	[`${base}/finalise`]: {
		post: {
			operationId: 'finaliseResults',
			tags,
			summary: 'Make the published version final once the notice window has ended with nothing open; it can never change again',
			requestParams: byRound,
			responses: { '200': ok('Final', finalisedSchema), ...errorResponses, ...refused('Not published, the notice is still open, a newer version is unpublished, or something is still open.') }
		}
	}
};
