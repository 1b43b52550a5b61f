import { z } from 'zod';

// Response shapes of the entered-values, deduction-counts and finish-times endpoints (OpenAPI only).

const number = z.number().int().nullable().meta({ description: 'The entry’s number on the floor: its marking number in a blind round once drawn; null before the draw.' });

export const enteredBoardSchema = z
	.object({
		roundId: z.uuid(),
		signedOff: z.boolean(),
		components: z.array(z.object({ key: z.string(), max: z.number().int().meta({ description: 'Hundredths.' }) })),
		entries: z.array(
			z.object({
				entryId: z.uuid(),
				number,
				values: z.array(
					z.object({
						componentKey: z.string(),
						value: z.number().int().nullable().meta({ description: 'The stored value in hundredths; null until two keyings agree or an import sets it.' }),
						source: z.enum(['double_entry', 'import', 'api']).nullable(),
						keying: z.enum(['none', 'awaiting_second', 'disagreement']).meta({ description: 'Keyings waiting: none, one person’s (a second must type it), or two that differ. The typed values are never shown.' }),
						keyedByYou: z.boolean()
					})
				)
			})
		),
		disagreements: z.array(z.object({ entryId: z.uuid(), number, componentKey: z.string() }))
	})
	.meta({ id: 'EnteredValues' });

export const keyingResultSchema = z
	.object({ result: z.enum(['awaiting_second', 'stored', 'disagreement']) })
	.meta({ id: 'KeyingResult', description: '`stored` (201) when a second person’s keying agreed; `awaiting_second` or `disagreement` (202) otherwise.' });

export const enteredImportResultSchema = z.object({ stored: z.number().int() }).meta({ id: 'EnteredImportResult' });

export const deductionGridSchema = z
	.object({
		roundId: z.uuid(),
		signedOff: z.boolean(),
		items: z.array(z.object({ componentKey: z.string(), itemKey: z.string(), points: z.number().int() })),
		entries: z.array(
			z.object({
				entryId: z.uuid(),
				number,
				counts: z.array(
					z.object({
						componentKey: z.string(),
						itemKey: z.string(),
						count: z.number().int().nullable(),
						judgeTallies: z.array(z.object({ judgeName: z.string(), count: z.number().int() })).meta({ description: 'What each judge counted at the bench, to settle the panel’s count from.' })
					})
				)
			})
		)
	})
	.meta({ id: 'DeductionGrid' });

export const finishTimesViewSchema = z
	.object({
		roundId: z.uuid(),
		signedOff: z.boolean(),
		entries: z.array(z.object({ entryId: z.uuid(), number, finishedAt: z.iso.datetime().nullable(), finishedAtShanghai: z.string().nullable().meta({ example: '2026-05-01 10:32:05' }) }))
	})
	.meta({ id: 'FinishTimesView' });
