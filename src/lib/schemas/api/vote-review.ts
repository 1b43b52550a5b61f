import { z } from 'zod';
import { FLAG_REASONS } from '$lib/domain/vote-review/thresholds';

// Response shapes of the organisers' vote review endpoints (OpenAPI only).

const number = z.number().int().nullable().meta({ description: 'The candidate’s number in the round; null before numbering.' });

export const voteTalliesSchema = z
	.object({
		roundId: z.uuid(),
		candidates: z.array(
			z.object({
				entryId: z.uuid(),
				number,
				name: z.string(),
				accepted: z.number().int().meta({ description: 'Counted votes: the tally the public and the engine see.' }),
				flagged: z.number().int().meta({ description: 'Held by burst detection for review; not counted until restored.' }),
				voided: z.number().int().meta({ description: 'Voided by an organiser with a reason; kept as rows.' })
			})
		)
	})
	.meta({ id: 'VoteTallies' });

export const voteFlagsSchema = z
	.object({
		roundId: z.uuid(),
		clusters: z.array(
			z.object({
				entryId: z.uuid(),
				candidate: z.string(),
				addressPrefixHash: z.string().meta({ description: 'The keyed hash of the /24 or /48 prefix (never a raw address).' }),
				votes: z.number().int(),
				userAgents: z.number().int(),
				freshVoters: z.number().int().meta({ description: 'Votes that were their voter key’s first in the round.' }),
				firstAt: z.iso.datetime({ offset: true }),
				lastAt: z.iso.datetime({ offset: true }),
				flags: z.array(z.enum(FLAG_REASONS))
			})
		)
	})
	.meta({ id: 'VoteFlags' });

export const voteDecisionSchema = z
	.object({
		changed: z.number().int(),
		perCandidate: z.array(z.object({ entryId: z.uuid(), fromStatus: z.enum(['accepted', 'flagged', 'voided']), votes: z.number().int() }))
	})
	.meta({ id: 'VoteDecision' });

export const detectionReportSchema = z
	.object({
		flagged: z.number().int().meta({ description: 'Votes this run moved from accepted to flagged.' }),
		candidates: z.array(
			z.object({
				entryId: z.uuid(),
				label: z.string(),
				votes: z.number().int(),
				from: z.iso.datetime({ offset: true }),
				to: z.iso.datetime({ offset: true }),
				addressPrefixes: z.number().int(),
				userAgents: z.number().int(),
				reasons: z.array(z.object({ reason: z.enum(FLAG_REASONS), votes: z.number().int() }))
			})
		)
	})
	.meta({ id: 'DetectionReport' });
