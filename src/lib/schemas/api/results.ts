import { z } from 'zod';

// What the API answers about a round's results (issue 17, results part). Points are integer
// hundredths (12.5 points = 1250), like the engine. Results carry numbers, never names.

const change = <T extends z.ZodType>(schema: T) => z.object({ from: schema, to: schema }).nullable();

export const computedVersionSchema = z
	.object({
		id: z.uuid(),
		version: z.number().int(),
		inputsDigest: z.string().meta({ description: 'SHA-256 (hex) of the canonical engine input, scheme and scheme version.' }),
		schemeVersion: z.number().int(),
		engineVersion: z.string(),
		entries: z.number().int()
	})
	.meta({ id: 'ComputedResultVersion' });

export const versionSummarySchema = z
	.object({
		id: z.uuid(),
		version: z.number().int(),
		schemeVersion: z.number().int(),
		engineVersion: z.string(),
		inputsDigest: z.string(),
		reason: z.string(),
		createdByName: z.string().nullable(),
		createdAt: z.iso.datetime()
	})
	.meta({ id: 'ResultVersionSummary' });

export const versionListSchema = z.array(versionSummarySchema).meta({ description: 'Newest first.' });

const storedResultSchema = z
	.object({
		scheme: z.object({}).catchall(z.unknown()).meta({ description: 'The marking scheme the version was computed under.' }),
		result: z
			.object({ entries: z.array(z.object({}).catchall(z.unknown())), teams: z.array(z.object({}).catchall(z.unknown())), advancing: z.array(z.uuid()), warnings: z.array(z.unknown()) })
			.meta({ description: 'The engine’s whole output: every entry by rank with components, total, tier, flags and breakdown (sheets with the dropped marks, deductions, entered values, votes).' }),
		numbers: z.record(z.string(), z.number().int().nullable()).meta({ description: 'The number each entry was judged under, by entry id.' }),
		specialAwards: z.array(z.object({ entryId: z.uuid(), title: z.string(), reason: z.string() }))
	})
	.meta({ id: 'StoredResult' });

export const versionSchema = versionSummarySchema.extend({ roundId: z.uuid(), result: storedResultSchema }).meta({ id: 'ResultVersion' });

const entryDiffSchema = z.object({
	entryId: z.uuid(),
	number: z.number().int().nullable(),
	presence: z.enum(['both', 'added', 'removed']),
	total: change(z.number().int().nullable()),
	rank: change(z.number().int().nullable()),
	tier: change(z.string().nullable()),
	specialAward: change(z.string().nullable()),
	advances: change(z.boolean()),
	components: z.array(z.object({ componentKey: z.string(), from: z.number().int().nullable(), to: z.number().int().nullable() })),
	why: z.object({
		sheets: z.array(z.object({ componentKey: z.string(), judgeId: z.string(), change: z.enum(['added', 'removed', 'changed']) })),
		deductions: z.array(z.object({ componentKey: z.string(), itemKey: z.string(), from: z.number().int(), to: z.number().int() })),
		entered: z.array(z.object({ componentKey: z.string(), from: z.number().int().nullable(), to: z.number().int().nullable() })),
		votes: z.array(z.object({ componentKey: z.string(), from: z.number().int(), to: z.number().int() }))
	})
});

export const resultDiffSchema = z
	.object({ entries: z.array(entryDiffSchema).meta({ description: 'Only entries where a number or an input differs.' }), schemeChanged: z.boolean() })
	.meta({ id: 'ResultDiff' });

export const verificationSchema = z
	.object({
		versionId: z.uuid(),
		version: z.number().int(),
		storedDigest: z.string(),
		currentDigest: z.string(),
		inputsMatch: z.boolean().meta({ description: 'Today’s stored rows are the ones the version was computed from.' }),
		numbersMatch: z.boolean().meta({ description: 'Every published number and special award is what the version holds.' }),
		diff: resultDiffSchema
	})
	.meta({ id: 'ResultVerification' });

export const versionDiffSchema = z.object({ from: versionSummarySchema, to: versionSummarySchema, diff: resultDiffSchema }).meta({ id: 'ResultVersionDiff' });

export const specialAwardSchema = z.object({ id: z.uuid(), entryId: z.uuid(), title: z.string(), reason: z.string(), createdByName: z.string().nullable(), createdAt: z.iso.datetime() });
export const specialAwardListSchema = z.array(specialAwardSchema);
export const createdSchema = z.object({ id: z.uuid() });

export const advancementSchema = z
	.object({ nextRoundId: z.uuid(), nextRoundName: z.string(), added: z.number().int(), alreadyThere: z.number().int(), keptNumbers: z.boolean() })
	.meta({ id: 'Advancement' });
export const revealedSchema = z.object({ revealedAt: z.iso.datetime() });
export const publishedSchema = z.object({ versionId: z.uuid(), version: z.number().int(), noticeStartsAt: z.iso.datetime(), noticeEndsAt: z.iso.datetime() }).meta({ id: 'PublishedResults' });
export const finalisedSchema = z.object({ versionId: z.uuid(), finalisedAt: z.iso.datetime() });
