/**
 * The competition's own registration fields (工龄, 获奖情况, 申报表 …): what a value of each kind may be.
 * Pure; the caller checks that file values name attachments the registrant really uploaded.
 */

export type ExtraFieldKind = 'text' | 'number' | 'date' | 'choice' | 'multi_choice' | 'file';
export const EXTRA_FIELD_KINDS: readonly ExtraFieldKind[] = ['text', 'number', 'date', 'choice', 'multi_choice', 'file'];

export interface ExtraFieldDefinition {
	key: string;
	label: string;
	kind: ExtraFieldKind;
	options: string[];
	required: boolean;
}

export type ExtraValue = string | number | string[];
export type ExtraProblem = 'required' | 'too_long' | 'not_a_number' | 'not_a_date' | 'not_an_option' | 'not_files' | 'unknown_field';

export const EXTRA_TEXT_MAX = 2000;
export const EXTRA_FILES_MAX = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function asList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [value];
}

/** One value against its field: the normalised value, or what is wrong with it. */
function checkValue(field: ExtraFieldDefinition, value: unknown): { value: ExtraValue } | { problem: ExtraProblem } {
	switch (field.kind) {
		case 'text': {
			if (typeof value !== 'string') return { problem: 'too_long' };
			const text = value.trim();
			return text.length > EXTRA_TEXT_MAX ? { problem: 'too_long' } : { value: text };
		}
		case 'number': {
			const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
			// Up to two decimals, like every number people type here; kept exact as text would lose nothing.
			if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(text)) return { problem: 'not_a_number' };
			return { value: Number(text) };
		}
		case 'date': {
			const text = typeof value === 'string' ? value.trim() : '';
			const date = new Date(`${text}T00:00:00Z`);
			return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? { value: text } : { problem: 'not_a_date' };
		}
		case 'choice': {
			return typeof value === 'string' && field.options.includes(value) ? { value } : { problem: 'not_an_option' };
		}
		case 'multi_choice': {
			const chosen = asList(value);
			if (!chosen.every((option): option is string => typeof option === 'string' && field.options.includes(option))) return { problem: 'not_an_option' };
			// In the field's order, each once.
			return { value: field.options.filter((option) => chosen.includes(option)) };
		}
		case 'file': {
			const ids = asList(value);
			if (ids.length > EXTRA_FILES_MAX || !ids.every((id): id is string => typeof id === 'string' && UUID.test(id))) return { problem: 'not_files' };
			return { value: [...new Set(ids.map((id) => id.toLowerCase()))] };
		}
	}
}

/** Every field's value checked; unknown keys are refused rather than stored unseen. */
export function checkExtraValues(
	fields: readonly ExtraFieldDefinition[],
	values: Record<string, unknown>
): { ok: true; values: Record<string, ExtraValue> } | { ok: false; problems: Record<string, ExtraProblem> } {
	const problems: Record<string, ExtraProblem> = {};
	const checked: Record<string, ExtraValue> = {};
	const known = new Set(fields.map((field) => field.key));
	for (const key of Object.keys(values)) if (!known.has(key)) problems[key] = 'unknown_field';
	for (const field of fields) {
		const value = values[field.key];
		if (isEmpty(value)) {
			if (field.required) problems[field.key] = 'required';
			continue;
		}
		const result = checkValue(field, value);
		if ('problem' in result) problems[field.key] = result.problem;
		else if (!isEmpty(result.value)) checked[field.key] = result.value;
		else if (field.required) problems[field.key] = 'required';
	}
	return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, values: checked };
}

/** The attachment ids the values refer to (file fields), to check they belong to the registrant. */
export function attachmentIdsOf(fields: readonly ExtraFieldDefinition[], values: Record<string, ExtraValue>): string[] {
	return fields.filter((field) => field.kind === 'file').flatMap((field) => (values[field.key] as string[] | undefined) ?? []);
}
