import type { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponses } from '$lib/schemas/api/common';
import {
	auditPageSchema,
	changeRoleBodySchema,
	createdInvitationSchema,
	invitationListSchema,
	invitationPathSchema,
	inviteMemberBodySchema,
	memberListSchema,
	memberPathSchema,
	organisationSchema
} from '$lib/schemas/api/organisation';
import { auditFilterSchema } from '$lib/schemas/audit';
import { competitionPaths } from './openapi-competitions';
import { scoringPaths } from './openapi-scoring';
import { drawPaths } from './openapi-draw';
import { judgePaths } from './openapi-judges';
import { importPaths } from './openapi-import';
import { entryPaths } from './openapi-entries';
import { registrationPaths } from './openapi-registration';
import { boardPaths } from './openapi-board';
import { roundControlPaths } from './openapi-round-control';
import { sheetPaths } from './openapi-sheets';
import { enteredPaths } from './openapi-entered';
import { voteReviewPaths } from './openapi-vote-review';
import { certificatePaths } from './openapi-certificates';
import { votingPaths } from './openapi-voting';
import { resultsPaths } from './openapi-results';
import { noticePaths } from './openapi-notice';
import { exportPaths } from './openapi-exports';
import { recommendPaths } from './openapi-recommend';

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
			summary: 'Invite a member by e-mail (owner tokens only); the same as POST /invitations',
			description: 'Nobody becomes a member without accepting: this creates an invitation and answers 202 with its link.',
			requestBody: { required: true, content: { 'application/json': { schema: inviteMemberBodySchema } } },
			responses: { '202': ok('The invitation, not yet accepted', createdInvitationSchema), ...errorResponses, '409': errorResponses['400'] }
		}
	},
	'/invitations': {
		get: {
			operationId: 'listInvitations',
			tags: ['organisation'],
			summary: 'Invitations not yet accepted or revoked, newest first (owner tokens only)',
			responses: { '200': ok('Open invitations', invitationListSchema), ...errorResponses }
		},
		post: {
			operationId: 'inviteMember',
			tags: ['organisation'],
			summary: 'Invite a person by e-mail with a role (owner tokens only)',
			description:
				'The person opens the link, signs in or creates an account with that address, and accepts; until then nothing of either organisation is shared. ' +
				'The answer is the same whether or not the address has an account. Inviting an address again replaces its earlier link. The link works for 7 days.',
			requestBody: { required: true, content: { 'application/json': { schema: inviteMemberBodySchema } } },
			responses: { '201': ok('The invitation and its link, shown only here', createdInvitationSchema), ...errorResponses, '409': { ...errorResponses['400'], description: 'The address already belongs to a member.' } }
		}
	},
	'/invitations/{id}': {
		delete: {
			operationId: 'revokeInvitation',
			tags: ['organisation'],
			summary: 'Revoke an invitation (owner tokens only); its link stops working at once',
			requestParams: { path: invitationPathSchema },
			responses: { '204': { description: 'Revoked' }, ...errorResponses }
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

export const API_PATHS: ZodOpenApiPathsObject[] = [organisationPaths, competitionPaths, scoringPaths, drawPaths, judgePaths, importPaths, entryPaths, registrationPaths, sheetPaths, enteredPaths, boardPaths, roundControlPaths, voteReviewPaths, votingPaths, resultsPaths, noticePaths, certificatePaths, exportPaths, recommendPaths];

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
		components: {
			securitySchemes: {
				bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (jx_…) created on the organisation’s API tokens page.' },
				// The head judge's desk operations only (see deskSecurity): a signed-in session, changes from this site's own pages.
				sessionCookie: { type: 'apiKey', in: 'cookie', name: 'jiangxin_session', description: 'The signed-in session of the round’s head judge (裁判长), for the desk operations; changes only from this site (same origin).' }
			}
		},
		paths: Object.assign({}, ...API_PATHS)
	});
	return cached;
}
