import { z } from 'zod';

// Path and response shapes of the publication endpoints (issue 17, publication part): public results,
// explanations, objections, appeals and the arbitration group.

export const competitionObjectionPathSchema = z.object({ id: z.uuid(), objectionId: z.uuid() });
export const competitionAppealPathSchema = z.object({ id: z.uuid(), appealId: z.uuid() });
export const competitionUserPathSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const roundEntryPathSchema = z.object({ id: z.uuid(), entryId: z.uuid() });

const labelsSchema = z.object({ 'zh-CN': z.string(), en: z.string() }).nullable();

const publicPlacingSchema = z.object({
	entryId: z.uuid(),
	number: z.number().int().nullable(),
	rank: z.number().int(),
	total: z.number().int().meta({ description: 'Hundredths of a point.' }),
	components: z.record(z.string(), z.number().int()).meta({ description: 'Rounded component scores in hundredths, by component key.' }),
	tierLabel: z.string().nullable(),
	specialAward: z.string().nullable(),
	name: z.string().nullable().meta({ description: 'Only once the round’s results are revealed; never an ID number or a phone.' }),
	unit: z.string().nullable(),
	votes: z.number().int().nullable()
});

export const publicResultsSchema = z
	.object({
		competition: z.object({ title: z.string(), organiser: z.string(), slug: z.string() }),
		rounds: z.array(
			z.object({
				roundId: z.uuid(),
				eventName: z.string(),
				roundName: z.string(),
				version: z.number().int(),
				revealed: z.boolean(),
				isFinal: z.boolean(),
				notice: z.object({ startsAt: z.string().nullable(), endsAt: z.string().nullable(), phase: z.enum(['unset', 'before', 'open', 'closed']) }),
				components: z.array(z.object({ key: z.string(), label: labelsSchema })),
				placings: z.array(publicPlacingSchema),
				teams: z.array(z.object({ unit: z.string(), score: z.number().int(), rank: z.number().int().nullable(), isComplete: z.boolean() })),
				voided: z.array(z.object({ entryId: z.uuid(), number: z.number().int().nullable(), name: z.string().nullable(), voided: z.array(z.object({ reasonClass: z.string(), votes: z.number().int() })) })).nullable(),
				objections: z
					.array(z.object({ id: z.uuid(), objectorName: z.string(), body: z.string(), status: z.enum(['open', 'answered']), answer: z.string().nullable(), createdAt: z.string(), answeredAt: z.string().nullable() }))
					.nullable()
					.meta({ description: 'After the notice window only, without any contact.' })
			})
		)
	})
	.meta({ id: 'PublicResults', description: 'Exactly what the public results page /c/<slug>/results shows.' });

export const explanationSchema = z
	.object({
		round: z.object({ id: z.uuid(), eventName: z.string(), roundName: z.string(), version: z.number().int() }),
		entry: z.object({ entryId: z.uuid(), number: z.number().int().nullable(), name: z.string().nullable(), unit: z.string().nullable(), tierLabel: z.string().nullable(), specialAward: z.string().nullable() }),
		explanation: z
			.object({
				components: z.array(z.looseObject({ key: z.string(), source: z.enum(['judges', 'entered', 'public_vote']), weight: z.string(), value: z.string(), weighted: z.string() })),
				weightedSum: z.string(),
				total: z.string(),
				totalMatches: z.boolean(),
				rank: z.number().int(),
				tier: z.string().nullable()
			})
			.meta({ description: 'Numbers as decimal text: judges by seat with R_j and dropped ones marked, deductions, entered values, vote normalisation, each rounded component, the weighted sum and the total.' })
	})
	.meta({ id: 'ResultExplanation' });

export const staffObjectionSchema = z.object({
	id: z.uuid(),
	roundId: z.uuid(),
	roundLabel: z.string(),
	resultVersionId: z.uuid(),
	objectorName: z.string(),
	contact: z.string().meta({ description: 'Decrypted for the organisers only.' }),
	body: z.string(),
	attachmentName: z.string().nullable(),
	status: z.enum(['open', 'answered']),
	answer: z.string().nullable(),
	createdAt: z.string(),
	answeredAt: z.string().nullable()
});
export const staffObjectionListSchema = z.array(staffObjectionSchema).meta({ id: 'ObjectionList' });

const placingSideSchema = z.object({ rank: z.number().int(), total: z.number().int(), tierLabel: z.string().nullable() }).nullable();
export const appealSchemaView = z.object({
	id: z.uuid(),
	roundId: z.uuid(),
	roundLabel: z.string(),
	entryId: z.uuid(),
	number: z.number().int().nullable(),
	body: z.string(),
	status: z.enum(['open', 'dismissed', 'upheld']),
	requiresRescore: z.boolean(),
	decisionReason: z.string().nullable(),
	decidedAt: z.string().nullable(),
	resultVersionId: z.uuid().nullable(),
	rescoredVersionId: z.uuid().nullable(),
	createdAt: z.string(),
	changes: z.array(z.object({ entryId: z.uuid(), number: z.number().int().nullable(), before: placingSideSchema, after: placingSideSchema })).meta({ description: 'What the re-score’s new version changed.' })
});
export const appealListSchema = z.array(appealSchemaView).meta({ id: 'AppealList' });
export const arbitratorListSchema = z.array(z.object({ userId: z.uuid(), displayName: z.string(), email: z.string().nullable() })).meta({ id: 'ArbitratorList' });
export const createdSchema = z.object({ id: z.uuid() });
export const appealWindowViewSchema = z.object({ roundId: z.uuid(), minutes: z.number().int() });
