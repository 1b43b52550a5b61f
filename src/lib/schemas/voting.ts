import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { parseShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { digitsAsNumber, optionalText } from './fields';

// A round's public-vote policy (the organiser's form and `PUT /api/v1/rounds/{id}/vote-policy`) and the
// voter's inputs. Times are instants: the API takes ISO 8601 with an offset, the form a Shanghai wall-clock time.

/** "2026-05-01 08:00" (Shanghai) or an ISO 8601 instant with its offset. */
const instantField = () =>
	z
		.string({ error: () => m.voting_validation_time({ example: '2026-05-01 08:00' }) })
		.transform((text, context) => {
			const instant = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text.trim()) && /T/.test(text) ? new Date(text) : parseShanghaiTime(text);
			if (!instant || Number.isNaN(instant.getTime())) {
				context.addIssue({ code: 'custom', message: m.voting_validation_time({ example: '2026-05-01 08:00' }) });
				return z.NEVER;
			}
			return instant;
		})
		.meta({ description: 'An ISO 8601 instant with its offset, or a Shanghai wall-clock time "2026-05-01 08:00".', example: '2026-05-01T08:00:00+08:00' });

const countField = () =>
	z.preprocess(digitsAsNumber, z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(1, { error: () => m.validation_invalid() }).max(1000, { error: () => m.validation_invalid() }));

export const votePolicySchema = z
	.object({
		opensAt: instantField(),
		closesAt: instantField(),
		votesPerVoterPerDay: countField(),
		votesPerCandidatePerVoterPerDay: countField(),
		countsShown: z.enum(['live', 'daily', 'after_close'], { error: () => m.validation_invalid() }),
		dailyPublishTime: z.preprocess(
			(value) => (value === '' || value === undefined ? null : value),
			z.string({ error: () => m.voting_validation_daily_time({ example: '20:00' }) }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.voting_validation_daily_time({ example: '20:00' }) }).nullable()
		).meta({ description: '"HH:MM" Shanghai time, required when countsShown is daily.' }),
		identityMode: z.enum(['device', 'verified'], { error: () => m.validation_invalid() }),
		baseCost: z.preprocess(digitsAsNumber, z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(1000, { error: () => m.validation_invalid() }).max(5_000_000, { error: () => m.validation_invalid() })).default(20_000),
		shareTitle: optionalText(100).default(''),
		shareDescription: optionalText(300).default('')
	})
	.superRefine((policy, context) => {
		if (policy.closesAt.getTime() <= policy.opensAt.getTime()) context.addIssue({ code: 'custom', path: ['closesAt'], message: m.voting_validation_window() });
		if (policy.votesPerCandidatePerVoterPerDay > policy.votesPerVoterPerDay) context.addIssue({ code: 'custom', path: ['votesPerCandidatePerVoterPerDay'], message: m.voting_validation_per_candidate() });
		if ((policy.countsShown === 'daily') !== (policy.dailyPublishTime !== null)) context.addIssue({ code: 'custom', path: ['dailyPublishTime'], message: m.voting_validation_daily_time({ example: '20:00' }) });
	})
	.meta({ id: 'VotePolicyInput' });

export type VotePolicyInput = z.output<typeof votePolicySchema>;

export const voteCastSchema = z.object({
	entryId: z.uuid({ error: () => m.voting_error_candidate_unknown() }),
	/** The ALTCHA widget's payload (base64 JSON). */
	altcha: z.string({ error: () => m.voting_outcome_proof_invalid() }).min(1, { error: () => m.voting_outcome_proof_invalid() }).max(4000, { error: () => m.voting_outcome_proof_invalid() })
});

export const phoneSchema = z.object({ phone: z.string({ error: () => m.voting_validation_phone() }).trim().regex(/^1[3-9]\d{9}$/, { error: () => m.voting_validation_phone() }) });
export const codeSchema = phoneSchema.extend({ code: z.string({ error: () => m.voting_validation_code() }).trim().regex(/^\d{6}$/, { error: () => m.voting_validation_code() }) });
