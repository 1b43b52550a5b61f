import type { z } from 'zod';
import type { importRowSchema } from '$lib/schemas/api/entries-import';
import type { ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import { DomainError } from '../domain-error';
import { streamFirstSheet, UnreadableWorkbookError } from '../workbooks/xlsx';
import type { ImportColumn } from './import-columns';
import type { TableRow } from './import-rows';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An uploaded workbook's first sheet as a table, read as the import goes (the import stores the first
 * rows while the rest is read); a file that is no xlsx workbook is a 400, never a 500.
 */
export async function* tableFromWorkbook(bytes: ArrayBuffer | Uint8Array): AsyncGenerator<TableRow[]> {
	try {
		yield* streamFirstSheet(bytes);
	} catch (error) {
		if (error instanceof UnreadableWorkbookError) throw new DomainError('workbook_unreadable');
		throw error;
	}
}

type JsonRow = z.output<typeof importRowSchema>;

function text(value: string | number | boolean | null | undefined | string[]): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.join('、');
	if (typeof value === 'boolean') return value ? '是' : '否';
	return String(value);
}

/** The API's JSON rows as a table in the template's column order (row numbers count from 1). */
export function tableFromJsonRows(rows: JsonRow[], columns: ImportColumn[], fields: ExtraFieldDefinition[]): TableRow[] {
	const known = new Set(fields.map((field) => field.key));
	return rows.map((row, index) => ({
		rowNumber: index + 1,
		cells: columns.map((column) => {
			if (column.key.startsWith('extra.')) {
				const key = column.key.slice('extra.'.length);
				return known.has(key) ? text(row.extra?.[key]) : '';
			}
			return text(row[column.key as keyof Omit<JsonRow, 'extra'>]);
		})
	}));
}
