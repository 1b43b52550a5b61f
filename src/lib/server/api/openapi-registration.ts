import type { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import { idPathSchema } from '$lib/schemas/competition';
import { apiRegistrationFieldsSchema, apiRegistrationSettingsSchema, registrationFieldsSchema, registrationSettingsSchema } from '$lib/schemas/registration';

// Issue 14, "Contestants register (phone first)": the organiser's registration settings and the
// competition's own registration fields. (Entries themselves are described with the entries API.)

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const conflict = { '409': { ...errorResponses['400'], description: 'The competition is final.' } };
const tags = ['registration'];
const byId = { path: idPathSchema };

export const registrationPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/registration': {
		get: { operationId: 'getRegistrationSettings', tags, summary: 'Registration settings: close time, one or several events per person, privacy notice, two-person screening, team sizes', requestParams: byId, responses: { '200': ok('The settings', apiRegistrationSettingsSchema), ...errorResponses } },
		patch: {
			operationId: 'updateRegistrationSettings',
			tags,
			summary: 'Change the registration settings; team sizes of the events named in `teamSizes` (the others stay)',
			description:
				'The four rules are all sent (`registrationClosesAt` may be null: open until the stage moves on). A changed `privacyNotice` raises `privacyNoticeVersion`. ' +
				'`teamSizes` names team events only (400 otherwise); sizes count the leader.',
			requestParams: byId,
			requestBody: body(registrationSettingsSchema),
			responses: { '200': ok('The settings', apiRegistrationSettingsSchema), ...errorResponses, ...conflict }
		}
	},
	'/competitions/{id}/registration-fields': {
		get: { operationId: 'listRegistrationFields', tags, summary: 'The competition’s own registration fields, in order', requestParams: byId, responses: { '200': ok('The fields', apiRegistrationFieldsSchema), ...errorResponses } },
		put: {
			operationId: 'replaceRegistrationFields',
			tags,
			summary: 'Replace the competition’s own registration fields (text, number, date, choice, multi_choice, file), in this order',
			description: 'Fields are kept by `key`, so entries’ answers keep their meaning; a key left out is removed. Choice fields need `options`.',
			requestParams: byId,
			requestBody: body(registrationFieldsSchema),
			responses: { '200': ok('The fields now', apiRegistrationFieldsSchema), ...errorResponses, ...conflict }
		}
	}
};
