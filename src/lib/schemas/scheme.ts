import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { RoundInput, Scheme } from '$lib/domain/scoring';
import { plainText } from './fields';

// The marking scheme as JSON (DESIGN.md §3; types in $lib/domain/scoring). Every point value, weight
// and share is an integer number of hundredths: 12.5 points → 1250, 20 % → 2000. These schemas check
// the shape; `validateScheme` in the domain checks the rules (weights total 100 %, unique keys…).

const hundredths = (description: string) =>
	z.int({ error: () => m.scheme_value_not_hundredths() }).min(0, { error: () => m.scheme_value_negative() }).meta({ description });

const key = z
	.string()
	.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => m.scheme_key_invalid() })
	.meta({ description: 'Letters, digits, _ and -; unique within its list.', example: 'practical' });

export const labelsSchema = z
	.object({ 'zh-CN': plainText().trim().max(100), en: plainText().trim().max(100) })
	.meta({ id: 'Labels', description: 'A name in each language.' });

const aggregationSchema = z
	.discriminatedUnion('method', [
		z.object({ method: z.literal('mean') }),
		z.object({
			method: z.literal('trimmed_mean'),
			trim: z.int().min(1).max(10).optional().meta({ description: 'Scores dropped at each end; default 1.' }),
			minJudges: z.int().min(1).max(100).optional().meta({ description: 'Judges needed before dropping; default 5.' })
		}),
		z.object({ method: z.literal('median') })
	])
	.meta({ id: 'Aggregation' });

const criterionSchema = z
	.object({ key, label: labelsSchema.optional(), max: hundredths('Highest mark, > 0.'), weight: hundredths('Defaults to max.').optional() })
	.meta({ id: 'Criterion' });

const deductionSchema = z
	.object({ key, label: labelsSchema.optional(), points: hundredths('Points per occurrence on the 0–100 component scale.') })
	.meta({ id: 'DeductionItem' });

const componentBase = { key, label: labelsSchema.optional(), weight: hundredths('Percent of the total; all weights total 10000.') };

export const componentSchema = z
	.discriminatedUnion('source', [
		z.object({
			...componentBase,
			source: z.literal('judges'),
			criteria: z.array(criterionSchema).max(100),
			aggregation: aggregationSchema.optional(),
			level: z.enum(['judge_total', 'criterion']).optional(),
			deductions: z.array(deductionSchema).max(100).optional()
		}),
		z.object({ ...componentBase, source: z.literal('entered'), max: hundredths('Highest value; default 10000 (100 points).').optional() }),
		z.object({ ...componentBase, source: z.literal('public_vote'), normalisation: z.enum(['top', 'share']).optional() })
	])
	.meta({ id: 'Component' });

const tierSchema = z
	.object({
		key,
		label: labelsSchema,
		limit: z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('count'), count: z.int().min(0) }),
			z.object({ kind: z.literal('share'), share: hundredths('Percent of ranked entries.') }),
			z.object({ kind: z.literal('none') })
		]),
		minimumTotal: hundredths('Lowest total the tier accepts.').optional()
	})
	.meta({ id: 'Tier' });

export const schemeSchema = z
	.object({
		components: z.array(componentSchema).max(20),
		tieBreaks: z
			.array(z.string().regex(/^(component:[A-Za-z0-9_-]{1,64}|fewer_deductions|earlier_finish)$/, { error: () => m.scheme_unknown_tie_break() }))
			.max(20)
			.optional(),
		tiers: z.array(tierSchema).max(20).optional(),
		teams: z.object({ size: z.int().min(1).max(100), method: z.enum(['sum', 'mean']) }).optional(),
		advancement: z
			.discriminatedUnion('kind', [
				z.object({ kind: z.literal('top'), count: z.int().min(0) }),
				z.object({ kind: z.literal('top_share'), share: hundredths('Percent of ranked entries.') }),
				z.object({ kind: z.literal('minimum_total'), minimum: hundredths('Lowest total that advances.') })
			])
			.optional(),
		spreadThreshold: hundredths('Spread between judges (0–100 scale) that raises a flag.').optional()
	})
	.meta({ id: 'Scheme', description: 'A round’s marking scheme. All point values are integer hundredths.' });

const sheetSchema = z.object({
	judgeId: plainText().min(1).max(100),
	scores: z.record(z.string(), hundredths('A mark in hundredths.').nullable())
});

export const roundInputSchema = z
	.object({
		entries: z
			.array(
				z.object({
					id: plainText().min(1).max(100),
					number: z.int().min(1),
					unit: plainText().max(200).optional(),
					finishedAt: z.number().optional().meta({ description: 'Any comparable number; smaller is earlier.' }),
					sheets: z.record(z.string(), z.array(sheetSchema).max(100)).optional().meta({ description: 'Judges’ sheets by component key.' }),
					deductions: z.record(z.string(), z.record(z.string(), z.int().min(0))).optional().meta({ description: 'Occurrences by component key, then item key.' }),
					entered: z.record(z.string(), hundredths('The entered value.').nullable()).optional(),
					votes: z.record(z.string(), z.int().min(0)).optional()
				})
			)
			.max(20_000)
	})
	.meta({ id: 'RoundInput', description: 'Everything recorded for a round’s entries.' });

export const evaluateRequestSchema = z.object({ scheme: schemeSchema, input: roundInputSchema }).meta({ id: 'EvaluateRequest' });

/**
 * The one place parsed JSON becomes the domain's types. The only difference is that tie-break rules
 * are plain strings to zod (a template-literal type has no JSON Schema); the regex above admits
 * exactly the domain's `TieBreakRule` values.
 */
export function asScheme(parsed: z.output<typeof schemeSchema>): Scheme {
	return parsed as Scheme;
}

export function asRoundInput(parsed: z.output<typeof roundInputSchema>): RoundInput {
	return parsed;
}
