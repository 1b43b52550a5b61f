import { m } from '$lib/paraglide/messages.js';
import { formatHundredths, parseHundredths } from '$lib/domain/entered/hundredths';

/**
 * An import of entered values read as a table: a header row (the number column, then one column per
 * entered component, found by the key in its header), then one row per entry by its number. Every row
 * is checked before anything is stored; each problem names its row, its column and the reason.
 */

export interface TableRow {
	rowNumber: number;
	cells: string[];
}

export interface ImportProblem {
	row: number;
	column: string;
	message: string;
}

export interface PlannedValue {
	entryId: string;
	number: number;
	componentKey: string;
	value: number;
}

export interface ImportContext {
	components: { key: string; max: number }[];
	entries: { entryId: string; number: number | null }[];
}

export const NUMBER_HEADER_KEY = 'number';

/** The template's headers: "号码 (number)", "理论 (theory)" — the key in brackets is what is matched. */
export function templateHeaders(components: { key: string; label: string }[]): string[] {
	return [`${m.entered_number()} (${NUMBER_HEADER_KEY})`, ...components.map((component) => `${component.label} (${component.key})`)];
}

/** "理论 (theory)" → "theory"; a bare "theory" works too. */
export function headerKey(header: string): string {
	const match = /\(\s*([A-Za-z0-9_-]{1,64})\s*\)\s*$|（\s*([A-Za-z0-9_-]{1,64})\s*）\s*$/.exec(header);
	return (match?.[1] ?? match?.[2] ?? header).trim();
}

export function planImport(header: string[], rows: TableRow[], context: ImportContext): { values: PlannedValue[]; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const keys = header.map(headerKey);
	const numberColumn = keys.indexOf(NUMBER_HEADER_KEY);
	if (numberColumn < 0) problems.push({ row: 1, column: '', message: m.entered_import_number_column_missing() });
	const columns: { index: number; header: string; component: ImportContext['components'][number] }[] = [];
	keys.forEach((key, index) => {
		if (index === numberColumn || key === '') return;
		const component = context.components.find((item) => item.key === key);
		if (component) columns.push({ index, header: header[index]!, component });
		else problems.push({ row: 1, column: header[index]!, message: m.entered_import_column_unknown() });
	});
	if (problems.length > 0) return { values: [], problems };
	const byNumber = new Map(context.entries.filter((entry) => entry.number !== null).map((entry) => [entry.number!, entry.entryId]));
	const seen = new Map<number, number>();
	const values: PlannedValue[] = [];
	const numberHeader = header[numberColumn]!;
	for (const row of rows) {
		const numberText = (row.cells[numberColumn] ?? '').trim();
		if (!/^\d{1,9}$/.test(numberText)) {
			problems.push({ row: row.rowNumber, column: numberHeader, message: numberText ? m.entered_import_number_invalid() : m.entered_import_number_missing() });
			continue;
		}
		const number = Number(numberText);
		const entryId = byNumber.get(number);
		if (!entryId) {
			problems.push({ row: row.rowNumber, column: numberHeader, message: m.entered_import_number_unknown({ number }) });
			continue;
		}
		const earlier = seen.get(number);
		if (earlier !== undefined) {
			problems.push({ row: row.rowNumber, column: numberHeader, message: m.entered_import_number_repeated({ number, row: earlier }) });
			continue;
		}
		seen.set(number, row.rowNumber);
		for (const column of columns) {
			const text = (row.cells[column.index] ?? '').trim();
			if (text === '') continue;
			const value = parseHundredths(text);
			if (value === null) problems.push({ row: row.rowNumber, column: column.header, message: m.entered_import_value_invalid() });
			else if (value > column.component.max) problems.push({ row: row.rowNumber, column: column.header, message: m.entered_value_out_of_range({ max: formatHundredths(column.component.max) }) });
			else values.push({ entryId, number, componentKey: column.component.key, value });
		}
	}
	if (problems.length === 0 && values.length === 0) problems.push({ row: 1, column: '', message: m.entered_import_empty() });
	return { values, problems };
}

/** Problems as the API's and the forms' `fields`: `row3.理论 (theory)` → the reason. */
export function problemsAsFields(problems: ImportProblem[]): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const problem of problems) fields[`row${problem.row}.${problem.column || 'row'}`] ??= problem.message;
	return fields;
}
