import { z } from 'zod';

export const sheetSchema = z
	.object({
		roundId: z.uuid(),
		entryId: z.uuid(),
		judgeId: z.uuid(),
		componentKey: z.string().meta({ example: 'practical' }),
		scores: z.record(z.string(), z.number().int()).meta({ description: 'Criterion key → integer hundredths (12.5 points = 1250); unscored criteria are absent.', example: { process: 1850 } }),
		deductions: z.record(z.string(), z.number().int()).meta({ description: 'Deduction item key → occurrences this judge counted.' }),
		note: z.string(),
		status: z.enum(['draft', 'submitted', 'returned', 'locked']).meta({ description: 'draft → submitted → locked at sign-off; returned: sent back to the judge by the head judge.' }),
		version: z.number().int().meta({ description: 'Raised by every write.' }),
		statusReason: z.string().meta({ description: 'Why the head judge returned or unlocked the sheet.' }),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ScoreSheet' });

export const sheetListSchema = z.object({ sheets: z.array(sheetSchema) }).meta({ id: 'ScoreSheetList' });

export const sheetWrittenSchema = z
	.object({
		sheet: sheetSchema,
		replayed: z.boolean().meta({ description: 'This operation id was applied before: nothing changed, this is the first answer again.' }),
		superseded: z.boolean().meta({ description: 'The sheet had a newer version than `baseVersion`; this write still won.' })
	})
	.meta({ id: 'ScoreSheetWritten' });
