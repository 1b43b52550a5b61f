import type { ZodOpenApiPathsObject } from 'zod-openapi';
import type { z } from 'zod';
import { errorResponses } from '$lib/schemas/api/common';
import { evidenceListSchema, invitationDetailSchema, invitationListSchema, quotaListSchema, quotaSchema, recommendationSchema } from '$lib/schemas/api/recommend';
import { idPathSchema } from '$lib/schemas/competition';
import { invitationPathSchema, quotaChangeSchema, quotaInputSchema, quotaPathSchema, recommendInputSchema, recommendationPathSchema, withdrawInputSchema } from '$lib/schemas/recommend';

// Upward recommendation (issue 17): a parent organisation's organisers give a child organisation a
// nomination quota on an event of their competition; the child's organisers recommend winners of their
// own final results up to it; the parent screens the entries this creates like any other. Owners and
// organisers of each side only; another organisation's ids are 404.

const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
const tags = ['recommendation'];

export const recommendPaths: ZodOpenApiPathsObject = {
	'/competitions/{id}/nomination-quotas': {
		get: { operationId: 'listNominationQuotas', tags, summary: 'Parent: the quotas given to child organisations, with how many each used', requestParams: { path: idPathSchema }, responses: { '200': ok('Quotas', quotaListSchema), ...errorResponses } },
		post: {
			operationId: 'addNominationQuota',
			tags,
			summary: 'Parent: invite a child organisation (by its slug) to recommend up to a quota to one event',
			description: 'One quota per child organisation and event (409 otherwise). The child sees the invitation on its side. Audited.',
			requestParams: { path: idPathSchema },
			requestBody: body(quotaInputSchema),
			responses: { '201': ok('The quota', quotaSchema), ...errorResponses }
		}
	},
	'/competitions/{id}/nomination-quotas/{quotaId}': {
		patch: {
			operationId: 'changeNominationQuota',
			tags,
			summary: 'Parent: change a quota (never below what is used)',
			requestParams: { path: quotaPathSchema },
			requestBody: body(quotaChangeSchema),
			responses: { '200': ok('The quota', quotaSchema), ...errorResponses }
		},
		delete: { operationId: 'removeNominationQuota', tags, summary: 'Parent: close an invitation nobody used yet (409 once used)', requestParams: { path: quotaPathSchema }, responses: { '204': { description: 'Removed' }, ...errorResponses } }
	},
	'/competitions/{id}/recommendations': {
		get: {
			operationId: 'listRecommendedEntries',
			tags,
			summary: 'Parent: the competition’s recommended entries with their evidence (source, rank of total, tier, special award, certificate)',
			requestParams: { path: idPathSchema },
			responses: { '200': ok('Evidence per entry', evidenceListSchema), ...errorResponses }
		}
	},
	'/nominations': {
		get: { operationId: 'listNominationInvitations', tags, summary: 'Child: the invitations other organisations gave yours (organisation, competition, event, quota, used)', responses: { '200': ok('Invitations', invitationListSchema), ...errorResponses } }
	},
	'/nominations/{quotaId}': {
		get: {
			operationId: 'getNominationInvitation',
			tags,
			summary: 'Child: one invitation, your recommendations to it and the winners of your final results you could recommend',
			requestParams: { path: invitationPathSchema },
			responses: { '200': ok('The invitation', invitationDetailSchema), ...errorResponses }
		}
	},
	'/nominations/{quotaId}/recommendations': {
		post: {
			operationId: 'recommendWinner',
			tags,
			summary: 'Child: recommend a winner (a tier or a special award in a FINAL result version of yours)',
			description:
				'Creates an entry in the parent’s competition (status submitted) with the result attached. 409 when the quota is full (checked under a lock: concurrent calls never exceed it), the entry is not a winner, already recommended, does not fit the event, the person is already entered there, or the parent no longer takes nominations. Audited in both organisations.',
			requestParams: { path: invitationPathSchema },
			requestBody: body(recommendInputSchema),
			responses: { '201': ok('The recommendation', recommendationSchema), ...errorResponses }
		}
	},
	'/recommendations/{recommendationId}/withdraw': {
		post: {
			operationId: 'withdrawRecommendation',
			tags,
			summary: 'Child: take a recommendation back before the parent screened it (409 afterwards)',
			description: 'Its entry in the parent’s competition is withdrawn and the place on the quota is free again. Audited in both organisations.',
			requestParams: { path: recommendationPathSchema },
			requestBody: body(withdrawInputSchema),
			responses: { '204': { description: 'Withdrawn' }, ...errorResponses }
		}
	}
};
