import { z } from 'zod';
import { dateField, emptyAsUndefined, optionalText } from './fields';

const dateOnly = z.preprocess(emptyAsUndefined, dateField.optional());

/** Filters of the audit log page and API: query-string values, all optional. */
export const auditFilterSchema = z.object({
	action: z.preprocess(emptyAsUndefined, z.string().trim().max(60).regex(/^[a-z_.]*$/).optional()),
	actor: z.preprocess(emptyAsUndefined, optionalText(100).optional()),
	from: dateOnly,
	until: dateOnly,
	before: z.preprocess(emptyAsUndefined, z.string().regex(/^\d{1,18}$/).optional())
});

export type AuditFilterInput = z.output<typeof auditFilterSchema>;
