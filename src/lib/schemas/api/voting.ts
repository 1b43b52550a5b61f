import { z } from 'zod';

// Response shapes of the public-vote endpoints (OpenAPI only).

export const votePolicyViewSchema = z
	.object({
		roundId: z.uuid(),
		opensAt: z.string().meta({ description: 'ISO 8601 instant; the window includes it.' }),
		closesAt: z.string().meta({ description: 'ISO 8601 instant; the window excludes it (a vote at that instant is refused).' }),
		votesPerVoterPerDay: z.number().int(),
		votesPerCandidatePerVoterPerDay: z.number().int(),
		countsShown: z.enum(['live', 'daily', 'after_close']),
		dailyPublishTime: z.string().nullable().meta({ description: '"HH:MM" Shanghai time, for daily publishing.' }),
		identityMode: z.enum(['device', 'verified']),
		baseCost: z.number().int().meta({ description: 'Proof-of-work cost asked of an ordinary voter (hashes); raised for a busy address prefix or voter.' }),
		shareTitle: z.string(),
		shareDescription: z.string(),
		publicPath: z.string().meta({ description: 'The voting page, e.g. /c/<slug>/vote/<round>.' }),
		smsConfigured: z.boolean().meta({ description: 'Whether `verified` can be chosen on this installation.' })
	})
	.meta({ id: 'VotePolicy' });

export const publicTallySchema = z
	.object({
		roundId: z.uuid(),
		visible: z.boolean().meta({ description: 'Whether the public sees counts now (by countsShown).' }),
		asOf: z.string().nullable().meta({ description: 'Counts include accepted votes cast before this instant.' }),
		counts: z.array(z.object({ entryId: z.uuid(), number: z.number().int().nullable(), votes: z.number().int() }))
	})
	.meta({ id: 'PublicVoteTally' });
