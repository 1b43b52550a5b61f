import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { ENTRY_STATUSES } from '$lib/domain/registration/places';
import { composeReason } from '$lib/domain/screening/decisions';
import { checkboxField, digitsAsNumber, emptyAsUndefined, optionalText, requiredText } from './fields';

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(emptyAsUndefined, schema.optional());
const uuidField = z.uuid({ error: () => m.validation_invalid() });

/** The organisers' list filters, as query-string values; all optional. */
export const entryFilterSchema = z.object({
	q: optional(optionalText(100)),
	event: optional(uuidField),
	unit: optional(optionalText(200)),
	status: optional(z.enum(ENTRY_STATUSES, { error: () => m.validation_invalid() })),
	field: optional(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: () => m.validation_invalid() })),
	value: optional(optionalText(200)),
	page: z.preprocess(digitsAsNumber, z.int({ error: () => m.validation_invalid() }).min(1).max(100_000).optional()).default(1)
});
export type EntryFilterInput = z.output<typeof entryFilterSchema>;

/** The query-string filter in the services' words. */
export function toEntryFilter(input: Omit<EntryFilterInput, 'page'>) {
	return { search: input.q, eventId: input.event, unit: input.unit, status: input.status, fieldKey: input.field, fieldValue: input.value };
}

const decisionField = z.enum(['approve', 'reject'], { error: () => m.validation_invalid() });
const reasonField = optionalText(1000).default('');

export const decisionBodySchema = z.object({ decision: decisionField, reason: reasonField }).meta({ id: 'ScreeningDecisionInput' });

export const bulkDecisionBodySchema = z
	.object({
		decision: decisionField,
		reason: reasonField,
		entryIds: z.array(uuidField).min(1).max(10_000).optional().meta({ description: 'The selected entries; or give `all: true` and a `filter`.' }),
		all: z.boolean().optional().meta({ description: 'Every entry matching `filter` (all entries of the competition when there is none).' }),
		filter: entryFilterSchema.omit({ page: true }).optional()
	})
	.refine((body) => (body.entryIds ? !body.all : body.all === true), { error: () => m.screening_choose_entries(), path: ['entryIds'] })
	.meta({ id: 'BulkScreeningDecisionInput' });

export const withdrawBodySchema = z.object({ reason: requiredText(1000) }).meta({ id: 'WithdrawEntryInput' });

export const screeningReasonsBodySchema = z.object({ reasons: z.array(requiredText(200)).max(50) }).meta({ id: 'ScreeningReasons' });

// Forms: a preset reason and free text make the reason the contestant reads.
const formReason = { reasonPreset: optionalText(200).default(''), reasonText: optionalText(800).default('') };

export const decisionFormSchema = z.object({ decision: decisionField, ...formReason }).transform(({ decision, reasonPreset, reasonText }) => ({ decision, reason: composeReason(reasonPreset, reasonText) }));

export const bulkDecisionFormSchema = z
	.object({ decision: decisionField, ...formReason, all: checkboxField, filter: optionalText(2000).default('') })
	.transform(({ decision, reasonPreset, reasonText, all, filter }) => ({ decision, all, filter, reason: composeReason(reasonPreset, reasonText) }));

export const reasonsFormSchema = z
	.object({ reasons: optionalText(20_000).default('') })
	.transform(({ reasons }) => reasons.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
	.refine((reasons) => reasons.length <= 50 && reasons.every((reason) => reason.length <= 200), { error: () => m.screening_reasons_too_many(), path: ['reasons'] });

// The hidden `rule` names the form: a post without it (a checkbox alone cannot be told from nothing) is refused.
export const twoPersonFormSchema = z.object({ rule: z.literal('two_person', { error: () => m.validation_invalid() }), twoPerson: checkboxField });

export const reasonsListSchema = z.array(requiredText(200)).max(50);
