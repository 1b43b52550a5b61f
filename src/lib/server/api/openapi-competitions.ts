import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { competitionDetailSchema, competitionListSchema, competitionSchema, eventSchema, roundSchema, roundSchemeSchema, savedSchemeSchema, schemeTemplateListSchema } from '$lib/schemas/api/competition';
import { advanceCompetitionSchema, stepBackCompetitionSchema, competitionFieldsSchema, copySchemeSchema, createCompetitionSchema, eventFieldsSchema, idPathSchema, roundFieldsSchema, saveSchemeBodySchema } from '$lib/schemas/competition';

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const conflict = { '409': { ...errorResponses['400'], description: 'Not allowed at this stage (e.g. judging has started, or the results are final).' } };
const tags = ['competitions'];
const byId = { path: idPathSchema };

export const competitionPaths: ZodOpenApiPathsObject = {
	'/competitions': {
		get: { operationId: 'listCompetitions', tags, summary: 'The organisation’s competitions and awards, newest first', responses: { '200': ok('Competitions', competitionListSchema), ...errorResponses } },
		post: {
			operationId: 'createCompetition',
			tags,
			summary: 'Create a competition; with `template` it also gets one event and the template’s rounds and schemes',
			requestBody: body(createCompetitionSchema),
			responses: { '201': ok('The new competition', competitionSchema), ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}': {
		get: { operationId: 'getCompetition', tags, summary: 'A competition with its events and rounds', requestParams: byId, responses: { '200': ok('The competition', competitionDetailSchema), ...errorResponses } },
		patch: { operationId: 'updateCompetition', tags, summary: 'Change a competition’s details', requestParams: byId, requestBody: body(competitionFieldsSchema), responses: { '200': ok('The competition', competitionSchema), ...errorResponses, ...conflict } }
	},
	'/competitions/{id}/advance': {
		post: {
			operationId: 'advanceCompetition',
			tags,
			summary: 'Move to the next stage: draft → registration → screening → judging → review → notice → final',
			description:
				'`to` must be the stage right after the current one, and the stage’s conditions must hold (409 `lifecycle_blocked` lists what is missing): ' +
				'registration needs events with rounds; screening needs entries (submitted or approved); judging needs approved entries, a valid scheme for every round, ' +
				'stage 1 of the draw run for every event’s first round, and a panel (a head judge and at least one scoring judge) for every round; ' +
				'the notice needs results; final needs the notice period closed. Results are not available yet, so today a competition can go no further than judging.',
			requestParams: byId,
			requestBody: body(advanceCompetitionSchema),
			responses: { '200': ok('The competition at its new stage', competitionSchema), ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/step-back': {
		post: {
			operationId: 'stepBackCompetition',
			tags,
			summary: 'Go back one stage (registration → draft, screening → registration), with a reason, until judging starts',
			description:
				'`to` must be the stage right before the current one and `reason` must not be empty; the reason is recorded in the audit log. ' +
				'Once judging has started the answer is 409 `step_back_blocked`.',
			requestParams: byId,
			requestBody: body(stepBackCompetitionSchema),
			responses: { '200': ok('The competition at its earlier stage', competitionSchema), ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/events': {
		post: { operationId: 'addEvent', tags, summary: 'Add an event (trade) before judging starts', requestParams: byId, requestBody: body(eventFieldsSchema), responses: { '201': ok('The event', eventSchema), ...errorResponses, ...conflict } }
	},
	'/events/{id}': {
		patch: { operationId: 'updateEvent', tags, summary: 'Change an event', requestParams: byId, requestBody: body(eventFieldsSchema), responses: { '200': ok('The event', eventSchema), ...errorResponses, ...conflict } },
		delete: { operationId: 'removeEvent', tags, summary: 'Remove an event and its rounds, before judging starts', requestParams: byId, responses: { '204': { description: 'Removed' }, ...errorResponses, ...conflict } }
	},
	'/events/{id}/rounds': {
		post: { operationId: 'addRound', tags, summary: 'Add the next round to an event', requestParams: byId, requestBody: body(roundFieldsSchema), responses: { '201': ok('The round', roundSchema), ...errorResponses, ...conflict } }
	},
	'/rounds/{id}': {
		patch: { operationId: 'updateRound', tags, summary: 'Rename a round or change blind judging (before judging)', requestParams: byId, requestBody: body(roundFieldsSchema), responses: { '200': ok('The round', roundSchema), ...errorResponses, ...conflict } },
		delete: { operationId: 'removeRound', tags, summary: 'Remove a round, before judging starts', requestParams: byId, responses: { '204': { description: 'Removed' }, ...errorResponses, ...conflict } }
	},
	'/rounds/{id}/scheme': {
		get: { operationId: 'getRoundScheme', tags, summary: 'The round’s marking scheme in force and its versions', requestParams: byId, responses: { '200': ok('The scheme and its history', roundSchemeSchema), ...errorResponses } },
		put: {
			operationId: 'saveRoundScheme',
			tags,
			summary: 'Save the round’s scheme (checked against every rule); after judging starts this makes a new version and needs a reason',
			requestParams: byId,
			requestBody: body(saveSchemeBodySchema),
			responses: { '200': ok('The version now in force', savedSchemeSchema), ...errorResponses, ...conflict }
		}
	},
	'/scheme-templates': {
		get: { operationId: 'listSchemeTemplates', tags, summary: 'The ready-made marking schemes a competition can start from, round by round', responses: { '200': ok('The templates', schemeTemplateListSchema), ...errorResponses } }
	},
	'/rounds/{id}/scheme/copy': {
		post: { operationId: 'copyRoundScheme', tags, summary: 'Copy the scheme in force of another round of this organisation', requestParams: byId, requestBody: body(copySchemeSchema), responses: { '200': ok('The version now in force', savedSchemeSchema), ...errorResponses, ...conflict } }
	}
};
