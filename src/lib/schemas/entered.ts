import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { parseHundredths } from '$lib/domain/entered/hundredths';
import { parseShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { plainText } from './fields';

// Entered values, deduction counts, finish times and paper keyings: the API's JSON bodies and the pages' forms.

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });
const keyField = () => plainText().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => m.validation_invalid() });
const hundredthsField = () =>
	z
		.number({ error: () => m.entered_validation_hundredths() })
		.int({ error: () => m.entered_validation_hundredths() })
		.min(0, { error: () => m.entered_validation_hundredths() })
		.max(100_000_000, { error: () => m.entered_validation_hundredths() });
const countField = () =>
	z
		.number({ error: () => m.entered_validation_count() })
		.int({ error: () => m.entered_validation_count() })
		.min(0, { error: () => m.entered_validation_count() })
		.max(10_000, { error: () => m.entered_validation_count() });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: () => m.validation_invalid() }).max(max, { error: () => m.validation_invalid() });

export const enteredKeyingSchema = z
	.object({
		entryId: uuidField(),
		componentKey: keyField().meta({ description: 'An `entered` component of the round’s scheme.' }),
		value: hundredthsField().meta({ description: 'The value typed, in hundredths (87.5 points → 8750), within 0..the component’s max.' })
	})
	.meta({ id: 'EnteredKeying' });

export const enteredImportSchema = z
	.object({
		rows: list(
			z.object({
				number: z.number({ error: () => m.validation_invalid() }).int({ error: () => m.validation_invalid() }).min(0, { error: () => m.validation_invalid() }).max(999_999_999, { error: () => m.validation_invalid() }),
				values: z.record(keyField(), hundredthsField(), { error: () => m.validation_invalid() }).meta({ description: 'Component key → value in hundredths.' })
			}),
			10_000
		).meta({ description: 'One row per entry, by its number (the marking number in a blind round).' })
	})
	.meta({ id: 'EnteredImport' });

export const deductionCountsSchema = z
	.object({
		counts: list(z.object({ entryId: uuidField(), componentKey: keyField(), itemKey: keyField(), count: countField() }), 20_000)
	})
	.meta({ id: 'DeductionCounts' });

/** "2026-05-01 10:32[:05]" in Asia/Shanghai time, or an ISO 8601 time with its offset. */
const finishTimeField = plainText()
	.transform((value, context) => {
		const trimmed = value.trim();
		const local = parseShanghaiTime(trimmed);
		if (local) return local;
		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return new Date(trimmed);
		context.addIssue({ code: 'custom', message: m.entered_validation_time({ example: '2026-05-01 10:32' }) });
		return z.NEVER;
	})
	.meta({ description: 'Asia/Shanghai wall-clock time `YYYY-MM-DD HH:mm[:ss]`, or ISO 8601 with an offset.', example: '2026-05-01 10:32:05' });

export const finishTimesSchema = z
	.object({
		times: list(z.object({ entryId: uuidField(), finishedAt: finishTimeField.nullable().meta({ description: 'null removes the entry’s finish time.' }) }), 10_000)
	})
	.meta({ id: 'FinishTimes' });

export const paperKeyingSchema = z
	.object({
		judgeId: uuidField(),
		entryId: uuidField(),
		componentKey: keyField().meta({ description: 'A `judges` component of the round’s scheme.' }),
		scores: z.record(keyField(), hundredthsField(), { error: () => m.validation_invalid() }).meta({ description: 'Every criterion → the value on the paper sheet, in hundredths.' }),
		deductions: z.record(keyField(), countField(), { error: () => m.validation_invalid() }).default({}).meta({ description: 'Deduction item → occurrences the judge ticked.' })
	})
	.meta({ id: 'PaperKeying' });

export const paperSheetQuerySchema = z.object({ judgeId: uuidField() });

/** Points as typed in a form ("87.5") → hundredths. */
export const pointsField = () =>
	z.string({ error: () => m.validation_required() }).transform((value, context) => {
		const parsed = parseHundredths(value);
		if (parsed === null) {
			context.addIssue({ code: 'custom', message: m.entered_validation_points() });
			return z.NEVER;
		}
		return parsed;
	});

export const enteredKeyingFormSchema = z.object({ entryId: uuidField(), componentKey: keyField(), value: pointsField() });

// The grid forms (deduction counts, finish times) name each input after its cell, e.g.
// `count|<entry id>|<component>|<item>`; an empty input leaves the cell as it is (counts) or clears it (times).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[A-Za-z0-9_-]{1,64}$/;

export type GridForm<T> = { ok: true; cells: T[] } | { ok: false; errors: Record<string, string> };

export function readDeductionForm(formData: FormData): GridForm<{ entryId: string; componentKey: string; itemKey: string; count: number }> {
	const cells: { entryId: string; componentKey: string; itemKey: string; count: number }[] = [];
	const errors: Record<string, string> = {};
	for (const [name, raw] of formData) {
		if (!name.startsWith('count|')) continue;
		const [, entryId = '', componentKey = '', itemKey = ''] = name.split('|');
		const text = typeof raw === 'string' ? raw.trim() : '';
		if (!UUID.test(entryId) || !KEY.test(componentKey) || !KEY.test(itemKey)) errors.form ??= m.validation_invalid();
		else if (text === '') continue;
		else if (!/^\d{1,5}$/.test(text) || Number(text) > 10_000) errors[name] = m.entered_validation_count();
		else cells.push({ entryId, componentKey, itemKey, count: Number(text) });
	}
	// A post with none of the grid's inputs is no grid (nothing to save is said, not silently accepted).
	if (![...formData.keys()].some((name) => name.startsWith('count|'))) errors.form = m.validation_invalid();
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, cells };
}

export function readFinishForm(formData: FormData): GridForm<{ entryId: string; finishedAt: Date | null }> {
	const cells: { entryId: string; finishedAt: Date | null }[] = [];
	const errors: Record<string, string> = {};
	for (const [name, raw] of formData) {
		if (!name.startsWith('time|')) continue;
		const entryId = name.slice('time|'.length);
		const text = typeof raw === 'string' ? raw.trim() : '';
		if (!UUID.test(entryId)) errors.form ??= m.validation_invalid();
		else if (text === '') cells.push({ entryId, finishedAt: null });
		else {
			const parsed = parseShanghaiTime(text.replace('T', ' '));
			if (parsed) cells.push({ entryId, finishedAt: parsed });
			else errors[name] = m.entered_validation_time({ example: '2026-05-01 10:32' });
		}
	}
	if (![...formData.keys()].some((name) => name.startsWith('time|'))) errors.form = m.validation_invalid();
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, cells };
}

export interface PaperKeyingForm {
	judgeId: string;
	entryId: string;
	componentKey: string;
	scores: Record<string, number>;
	deductions: Record<string, number>;
}

/** The paper keying form: `score|<criterion>` in points as typed, `deduction|<item>` as counts (empty = 0). */
export function readPaperForm(formData: FormData): { ok: true; input: PaperKeyingForm } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const text = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value.trim() : '';
	};
	const [judgeId, entryId, componentKey] = [text('judgeId'), text('entryId'), text('componentKey')];
	if (!UUID.test(judgeId)) errors.judgeId = m.validation_required();
	if (!UUID.test(entryId)) errors.entryId = m.validation_required();
	if (!KEY.test(componentKey)) errors.componentKey = m.validation_required();
	const scores: Record<string, number> = {};
	const deductions: Record<string, number> = {};
	for (const [name, raw] of formData) {
		const value = typeof raw === 'string' ? raw.trim() : '';
		const [kind, key = ''] = name.split('|');
		if ((kind === 'score' || kind === 'deduction') && !KEY.test(key)) errors.form ??= m.validation_invalid();
		else if (kind === 'score') {
			const parsed = parseHundredths(value);
			if (parsed === null) errors[name] = value === '' ? m.validation_required() : m.entered_validation_points();
			else scores[key] = parsed;
		} else if (kind === 'deduction') {
			if (value === '') deductions[key] = 0;
			else if (!/^\d{1,5}$/.test(value) || Number(value) > 10_000) errors[name] = m.entered_validation_count();
			else deductions[key] = Number(value);
		}
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { judgeId, entryId, componentKey, scores, deductions } };
}
