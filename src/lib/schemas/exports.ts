import { z } from 'zod';

/** The workbooks a round can be downloaded as (issue 17's Excel). */
export const EXPORT_KINDS = ['results', 'judge-sheets', 'sign-off', 'votes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** `/competitions/{id}/rounds/{round}/exports/{kind}.xlsx` */
export const roundExportPathSchema = z.object({ id: z.uuid(), round: z.uuid(), kind: z.enum(EXPORT_KINDS) });
