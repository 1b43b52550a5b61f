import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { digitsAsNumber, optionalText } from './fields';
import { SLUG_PATTERN } from './slug';

// Upward recommendation (issue 17): the parent's nomination quotas and the child's recommendations.
// The same schemas check the API's JSON and the pages' forms.

const quotaNumber = z
	.preprocess(digitsAsNumber, z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(1, { error: () => m.recommend_validation_quota() }).max(1000, { error: () => m.recommend_validation_quota() }))
	.meta({ description: 'How many the child organisation may recommend to this event (1–1000).', example: 12 });

export const quotaInputSchema = z
	.object({
		childOrganisation: z
			.string({ error: () => m.validation_required() })
			.trim()
			.toLowerCase()
			.regex(SLUG_PATTERN, { error: () => m.recommend_validation_child() })
			.meta({ description: 'The child organisation’s short name (slug), as in its address /orgs/<slug>.', example: 'anji-union' }),
		eventId: z.uuid({ error: () => m.validation_invalid() }).meta({ description: 'The event of this competition the nominations enter.' }),
		quota: quotaNumber
	})
	.meta({ id: 'NominationQuotaInput' });

export const quotaChangeSchema = z.object({ quota: quotaNumber }).meta({ id: 'NominationQuotaChange' });

export const recommendInputSchema = z
	.object({
		resultVersionId: z.uuid({ error: () => m.validation_invalid() }).meta({ description: 'The FINAL result version of one of your rounds.' }),
		entryId: z.uuid({ error: () => m.validation_invalid() }).meta({ description: 'Your entry with a tier or a special award in that version.' }),
		note: optionalText(1000).default('').meta({ example: '连续三年获县级工匠称号' })
	})
	.meta({ id: 'RecommendationInput' });

export const withdrawInputSchema = z.object({ reason: optionalText(1000).default('') }).meta({ id: 'RecommendationWithdrawal' });

export const quotaPathSchema = z.object({ id: z.uuid(), quotaId: z.uuid() });
export const invitationPathSchema = z.object({ quotaId: z.uuid() });
export const recommendationPathSchema = z.object({ recommendationId: z.uuid() });

export const quotaChangeFormSchema = quotaChangeSchema.extend({ quotaId: z.uuid({ error: () => m.validation_invalid() }) });
export const quotaRemoveFormSchema = z.object({ quotaId: z.uuid({ error: () => m.validation_invalid() }) });
export const withdrawFormSchema = withdrawInputSchema.extend({ recommendationId: z.uuid({ error: () => m.validation_invalid() }) });
