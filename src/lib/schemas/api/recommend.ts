import { z } from 'zod';

// Response shapes of the upward-recommendation endpoints (OpenAPI only).

export const quotaSchema = z
	.object({
		id: z.uuid(),
		competitionId: z.uuid(),
		eventId: z.uuid(),
		eventName: z.string(),
		childOrganisation: z.object({ slug: z.string(), name: z.string() }),
		quota: z.number().int(),
		used: z.number().int().meta({ description: 'Recommendations made and not withdrawn.' })
	})
	.meta({ id: 'NominationQuota' });

export const quotaListSchema = z.object({ quotas: z.array(quotaSchema) }).meta({ id: 'NominationQuotaList' });

/** What a recommended placing won, in every answer that shows one (total in points). */
const placingFields = {
	rank: z.number().int(),
	rankedCount: z.number().int().meta({ description: 'How many were ranked in that final version.' }),
	total: z.number(),
	tier: z.string().nullable(),
	specialAward: z.string().nullable(),
	certificateSerial: z.string().nullable()
};

export const evidenceSchema = z
	.object({
		recommendationId: z.uuid(),
		entryId: z.uuid().meta({ description: 'The entry in your competition, screened like any other.' }),
		sourceOrganisation: z.string(),
		sourceCompetition: z.string(),
		sourceEvent: z.string(),
		...placingFields,
		verifyPath: z.string().nullable().meta({ description: 'The certificate’s public verification page, when one was issued.', example: '/verify/K7QH3XR9MNP2' }),
		note: z.string(),
		status: z.enum(['active', 'withdrawn'])
	})
	.meta({ id: 'RecommendationEvidence' });

export const evidenceListSchema = z.object({ recommendations: z.array(evidenceSchema) }).meta({ id: 'RecommendationEvidenceList' });

export const invitationSchema = z
	.object({
		id: z.uuid().meta({ description: 'The quota’s id.' }),
		parentOrganisation: z.string(),
		competitionTitle: z.string(),
		open: z.boolean().meta({ description: 'Whether the parent takes nominations now (its registration or screening).' }),
		eventName: z.string(),
		participation: z.enum(['individual', 'team']),
		quota: z.number().int(),
		used: z.number().int()
	})
	.meta({ id: 'NominationInvitation' });

export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) }).meta({ id: 'NominationInvitationList' });

export const recommendationSchema = z
	.object({
		id: z.uuid(),
		quotaId: z.uuid(),
		entryId: z.uuid().meta({ description: 'Your entry that was recommended.' }),
		resultVersionId: z.uuid(),
		holderName: z.string(),
		competitionTitle: z.string(),
		eventName: z.string(),
		...placingFields,
		note: z.string(),
		status: z.enum(['active', 'withdrawn']),
		screening: z.string().meta({ description: 'The parent’s screening of it: submitted, approved, rejected, withdrawn.' })
	})
	.meta({ id: 'Recommendation' });

export const candidateSchema = z
	.object({
		resultVersionId: z.uuid(),
		entryId: z.uuid(),
		holderName: z.string(),
		unit: z.string(),
		competitionTitle: z.string(),
		eventName: z.string(),
		roundName: z.string(),
		...placingFields,
		recommended: z.boolean().meta({ description: 'Already recommended to this invitation.' })
	})
	.meta({ id: 'RecommendationCandidate' });

export const invitationDetailSchema = z
	.object({ invitation: invitationSchema, recommendations: z.array(recommendationSchema), candidates: z.array(candidateSchema) })
	.meta({ id: 'NominationInvitationDetail' });
