import { z } from 'zod';

const flagSchema = z.object({ code: z.string() }).catchall(z.unknown()).meta({ description: 'spread_over_threshold, incomplete_sheet, no_complete_sheet, missing_entered_value, invalid_entered_value or tier_over_count, with details.' });

const entryResultSchema = z.object({
	entryId: z.string(),
	number: z.int(),
	unit: z.string().nullable(),
	components: z.record(z.string(), z.int()).meta({ description: 'Rounded component scores C_k (0–100) in hundredths, by component key.' }),
	total: z.int().meta({ description: 'T = round(Σ weight × C ÷ 100), in hundredths.' }),
	rank: z.int(),
	tier: z.string().nullable(),
	advances: z.boolean(),
	flags: z.array(flagSchema),
	breakdown: z
		.object({
			components: z.array(z.object({ key: z.string(), source: z.enum(['judges', 'entered', 'public_vote']), weight: z.int(), value: z.int() }).catchall(z.unknown())),
			totalDeduction: z.int(),
			tieBreak: z.object({ rulesUsed: z.array(z.string()), isRankShared: z.boolean() }).nullable()
		})
		.meta({ description: 'Each judge’s sheet and R_j, dropped scores, deductions, vote normalisation. Exact ratios are {numerator, denominator} in hundredths; parts too large for a JSON number come as decimal strings.' })
});

export const evaluateResponseSchema = z
	.object({
		entries: z.array(entryResultSchema).meta({ description: 'By rank; equal ranks by number.' }),
		teams: z.array(z.object({ unit: z.string(), entryIds: z.array(z.string()), sum: z.int(), score: z.int(), bestTotal: z.int(), isComplete: z.boolean(), rank: z.int().nullable() })),
		advancing: z.array(z.string()),
		warnings: z.array(z.object({ code: z.literal('tier_over_count'), tier: z.string(), count: z.int(), limit: z.int() }))
	})
	.meta({ id: 'EvaluateResult' });
