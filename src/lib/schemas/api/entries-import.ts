import { z } from 'zod';
import { apiErrorSchema } from './common';

/**
 * The entries import's JSON body: rows as a union's list has them (the template's columns). Cells are
 * loose on purpose: each row's problems come back at its row and column, in the error's `rows`, rather
 * than as a schema failure of the whole body.
 */
const cell = z.union([z.string().max(2000), z.number(), z.boolean()]).nullable().optional();

export const importRowSchema = z
	.object({
		name: cell.meta({ example: '张伟' }),
		gender: cell.meta({ description: '男 / 女 (or male / female)', example: '男' }),
		idType: cell.meta({ description: '证件类型: 居民身份证 (default), 港澳台居民居住证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照, or their codes' }),
		idNumber: cell.meta({ description: 'As a string, never a number', example: '330523198503120011' }),
		phone: cell.meta({ example: '13800000001' }),
		unit: cell.meta({ example: '县机械厂' }),
		trade: cell,
		level: cell.meta({ description: '初级工 / 中级工 / 高级工 / 技师 / 高级技师, or junior … senior_technician' }),
		event: cell.meta({ description: 'The event’s name or id; may be left out when the competition has one event' }),
		teamName: cell.meta({ description: 'Team events: rows of one team share the event and the team name' }),
		leader: cell.meta({ description: 'Team events: true (是) for the one leader of each team' }),
		extra: z
			.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.array(z.string().max(2000)).max(50)]))
			.optional()
			.meta({ description: 'The competition’s own registration fields by key (file fields excepted)' })
	})
	.meta({ id: 'ImportRow' });

export const importBodySchema = z
	.object({
		rows: z.array(importRowSchema).min(1).max(20_000),
		dryRun: z.boolean().default(false).meta({ description: 'Check and answer what would happen, importing nothing' })
	})
	.meta({ id: 'ImportBody' });

export const importQuerySchema = z.object({
	dryRun: z.enum(['true', 'false']).optional().meta({ description: 'For a workbook body: check only, import nothing' })
});

export const exportQuerySchema = z.object({
	masked: z.enum(['true', 'false']).optional().meta({ description: 'true: the public form (330523********1234, 138****5678)' })
});

export const importSummarySchema = z
	.object({
		dryRun: z.boolean(),
		rows: z.number().int(),
		created: z.number().int(),
		waitlisted: z.number().int().meta({ description: 'Of the created entries, those on a full event’s waiting list' }),
		updated: z.number().int(),
		unchanged: z.number().int(),
		changes: z.array(
			z.object({
				row: z.number().int(),
				label: z.string(),
				changes: z.array(z.object({ column: z.string(), before: z.string(), after: z.string() }))
			})
		),
		changesOmitted: z.number().int()
	})
	.meta({ id: 'ImportSummary' });

export const rowProblemSchema = z
	.object({
		row: z.number().int().meta({ description: 'The sheet’s row number (header = 1), or for JSON rows the position in `rows` counted from 1' }),
		column: z.string().meta({ description: 'The column’s header, e.g. 证件号码; empty for the whole row' }),
		field: z.string().nullable().meta({ description: 'The column’s key, e.g. idNumber or extra.work_years' }),
		message: z.string()
	})
	.meta({ id: 'ImportRowProblem' });

export const importErrorSchema = apiErrorSchema
	.extend({ rows: z.array(rowProblemSchema).optional().meta({ description: 'With code import_invalid: every problem at its row and column' }) })
	.meta({ id: 'ImportError', description: 'The error shape; `fields` are keyed `row<row>.<column key>`, e.g. `row12.idNumber`.' });
