import type { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import {
	addMemberBodySchema,
	auditPageSchema,
	changeRoleBodySchema,
	memberListSchema,
	memberPathSchema,
	memberSchema,
	organisationSchema
} from '$lib/schemas/api/organisation';
import { auditFilterSchema } from '$lib/schemas/audit';
import { competitionPaths } from './openapi-competitions';
import { scoringPaths } from './openapi-scoring';

const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });

/** The foundation's endpoints. Each later capability adds its own paths object to `API_PATHS`. */
const organisationPaths: ZodOpenApiPathsObject = {
	'/organisation': {
		get: { operationId: 'getOrganisation', tags: ['organisation'], summary: 'The organisation the token acts for', responses: { '200': ok('The organisation', organisationSchema), ...errorResponses } }
	},
	'/members': {
		get: { operationId: 'listMembers', tags: ['organisation'], summary: 'Members and their roles', responses: { '200': ok('Members, owners first', memberListSchema), ...errorResponses } },
		post: {
			operationId: 'addMember',
			tags: ['organisation'],
			summary: 'Add a member (owner tokens only); creates the account when new',
			requestBody: { required: true, content: { 'application/json': { schema: addMemberBodySchema } } },
			responses: { '201': ok('The new member', memberSchema), ...errorResponses, '409': errorResponses['400'] }
		}
	},
	'/members/{userId}': {
		patch: {
			operationId: 'changeMemberRole',
			tags: ['organisation'],
			summary: 'Change a member’s role (owner tokens only; the last owner stays)',
			requestParams: { path: memberPathSchema },
			requestBody: { required: true, content: { 'application/json': { schema: changeRoleBodySchema } } },
			responses: { '200': ok('The new role', changeRoleBodySchema), ...errorResponses, '409': errorResponses['400'] }
		},
		delete: {
			operationId: 'removeMember',
			tags: ['organisation'],
			summary: 'Remove a member (owner tokens only)',
			requestParams: { path: memberPathSchema },
			responses: { '204': { description: 'Removed' }, ...errorResponses, '409': errorResponses['400'] }
		}
	},
	'/audit-log': {
		get: {
			operationId: 'readAuditLog',
			tags: ['audit'],
			summary: 'The organisation’s audit log, newest first, 50 a page (owner tokens only)',
			requestParams: { query: auditFilterSchema },
			responses: { '200': ok('A page of entries', auditPageSchema), ...errorResponses }
		}
	}
};

export const API_PATHS: ZodOpenApiPathsObject[] = [organisationPaths, competitionPaths, scoringPaths];

let cached: ReturnType<typeof createDocument> | undefined;

/** OpenAPI 3.1, generated from the same zod schemas that validate the requests. */
export function getOpenApiDocument() {
	cached ??= createDocument({
		openapi: '3.1.0',
		info: {
			title: 'Jiangxin API',
			version: '1.0.0',
			description: 'For organisers’ other systems. Every call acts for the one organisation its token belongs to.'
		},
		servers: [{ url: '/api/v1' }],
		security: [{ bearerToken: [] }],
		components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (jx_…) created on the organisation’s API tokens page.' } } },
		paths: Object.assign({}, ...API_PATHS)
	});
	return cached;
}
