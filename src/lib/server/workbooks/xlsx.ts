import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sheetsLast } from './zip-order';

/**
 * The one door to exceljs (STACK.md: unmaintained, so nothing else imports it). Writes plain
 * workbooks that open the same in Excel, WPS and LibreOffice — text cells only (exceljs writes Date
 * cells as UTC, and identifiers typed as numbers turn into 3.30523E+17), no formulas, a frozen header
 * row — and reads the first sheet of an uploaded workbook as text.
 */

export interface ColumnSpec {
	header: string;
	/** Width in characters. */
	width: number;
	/** Formatted as text (`@`), so what people type stays digits as typed (ID numbers, phones). */
	text?: boolean;
	/** A drop-down list of allowed values, kept on a hidden sheet (no 255-character limit, commas allowed). */
	choices?: string[];
}

export interface SheetSpec {
	name: string;
	columns: ColumnSpec[];
	rows: string[][];
	/** Rows below the header that get the drop-down lists and text format (a template's empty rows). */
	preparedRows?: number;
}

export interface WorkbookSpec {
	sheets: SheetSpec[];
	/** A sheet of prose, one paragraph per row (the template's instructions). */
	notes?: { name: string; lines: string[][]; widths: number[] };
	creator?: string;
}

const LISTS_SHEET = '_lists';
const TEXT_FORMAT = '@';

function columnLetter(index: number): string {
	let letters = '';
	for (let number = index + 1; number > 0; number = Math.floor((number - 1) / 26)) letters = String.fromCharCode(65 + ((number - 1) % 26)) + letters;
	return letters;
}

/** Writes a workbook to xlsx bytes. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = spec.creator ?? 'Jiangxin';
	// exceljs would stamp "now" as UTC; a fixed date keeps the file free of misleading times.
	workbook.created = new Date(0);
	workbook.modified = new Date(0);
	const lists: string[][] = [];
	for (const sheetSpec of spec.sheets) {
		const sheet = workbook.addWorksheet(sheetSpec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = sheetSpec.columns.map((column) => ({ header: column.header, width: column.width, style: column.text ? { numFmt: TEXT_FORMAT } : {} }));
		sheet.getRow(1).font = { bold: true };
		for (const row of sheetSpec.rows) sheet.addRow(row);
		const prepared = sheetSpec.preparedRows ?? 0;
		sheetSpec.columns.forEach((column, index) => {
			let validation: ExcelJS.DataValidation | undefined;
			if (column.choices && column.choices.length > 0) {
				const listColumn = columnLetter(lists.length);
				lists.push(column.choices);
				validation = {
					type: 'list',
					allowBlank: true,
					showErrorMessage: true,
					formulae: [`'${LISTS_SHEET}'!$${listColumn}$1:$${listColumn}$${column.choices.length}`]
				};
			}
			if (!validation && !column.text) return;
			for (let rowNumber = 2; rowNumber <= prepared + 1; rowNumber++) {
				const cell = sheet.getCell(rowNumber, index + 1);
				if (validation) cell.dataValidation = validation;
				if (column.text) cell.numFmt = TEXT_FORMAT;
			}
		});
	}
	if (lists.length > 0) {
		const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
		lists.forEach((choices, index) => choices.forEach((choice, position) => (listSheet.getCell(position + 1, index + 1).value = choice)));
	}
	if (spec.notes) {
		const notes = workbook.addWorksheet(spec.notes.name);
		notes.columns = spec.notes.widths.map((width) => ({ width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
		for (const line of spec.notes.lines) notes.addRow(line);
		notes.getRow(1).font = { bold: true };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export class UnreadableWorkbookError extends Error {
	constructor(cause?: unknown) {
		super('unreadable workbook', { cause });
		this.name = 'UnreadableWorkbookError';
	}
}

export interface ReadRow {
	/** The spreadsheet's own row number (the header is row 1). */
	rowNumber: number;
	cells: string[];
}

function isoDate(date: Date): string {
	return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** Whatever a cell holds, as the text a person sees (dates as YYYY-MM-DD; big numbers without an exponent). */
export function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	// exceljs reads date serials as UTC midnight, so the UTC date is the day the person typed.
	if (value instanceof Date) return isoDate(value);
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('error' in value) return '';
	if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
	if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
	return '';
}

/**
 * The first sheet's rows as text, header first; wholly empty rows are skipped. Read with exceljs's
 * streaming reader: it builds no model of the whole workbook, which makes it faster and leaner than
 * `xlsx.load` on a 10,000-row list. Styles are read, so date cells still come out as dates. A file
 * that is not an xlsx workbook (or a broken one) throws UnreadableWorkbookError.
 */
export async function readFirstSheet(bytes: ArrayBuffer | Uint8Array): Promise<ReadRow[]> {
	const rows: ReadRow[] = [];
	for await (const chunk of streamFirstSheet(bytes)) rows.push(...chunk);
	return rows;
}

/**
 * The first sheet's rows as they are read, `chunkRows` at a time, so a caller can use the first rows
 * (an import stores them) while the rest of the file is still being read. The sheets are moved behind
 * the shared strings first (zip-order.ts), so reading starts at once and nothing goes to a temporary file.
 */
export async function* streamFirstSheet(bytes: ArrayBuffer | Uint8Array, chunkRows = 1000): AsyncGenerator<ReadRow[]> {
	const buffer = bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.from(bytes);
	let chunk: ReadRow[] = [];
	let lastRow = 0;
	try {
		let sheets = 0;
		const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([sheetsLast(buffer)]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
		for await (const sheet of reader) {
			const first = sheets++ === 0;
			for await (const row of sheet) {
				// Only the first sheet is kept; the rest (lists, instructions) are read through and dropped.
				if (!first) continue;
				const read = rowOf(row.number, row.values as ExcelJS.CellValue[]);
				if (!read) continue;
				chunk.push(read);
				if (chunk.length < chunkRows) continue;
				lastRow = read.rowNumber;
				yield chunk;
				chunk = [];
			}
		}
		if (sheets === 0) throw new UnreadableWorkbookError();
	} catch (streamError) {
		// exceljs's streaming reader has failed now and then on a valid workbook (seen once in CI): read it
		// whole before calling a file unreadable, so a good list is never refused, and go on after the
		// last row already handed out.
		let whole: ReadRow[];
		try {
			whole = await loadFirstSheet(buffer);
		} catch {
			throw new UnreadableWorkbookError(streamError);
		}
		chunk = whole.filter((row) => row.rowNumber > lastRow);
	}
	if (chunk.length > 0) yield chunk;
}

function rowOf(rowNumber: number, values: ExcelJS.CellValue[]): ReadRow | null {
	const cells: string[] = [];
	for (let index = 1; index < values.length; index++) cells.push(cellText(values[index] ?? null).trim());
	return cells.some((cell) => cell !== '') ? { rowNumber, cells } : null;
}

async function loadFirstSheet(buffer: Buffer): Promise<ReadRow[]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as never);
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new UnreadableWorkbookError();
	const rows: ReadRow[] = [];
	sheet.eachRow((row, rowNumber) => {
		const read = rowOf(rowNumber, row.values as ExcelJS.CellValue[]);
		if (read) rows.push(read);
	});
	return rows;
}

/** For tests and the bench: a workbook's sheets as exceljs reads them back. */
export async function loadWorkbookForInspection(bytes: ArrayBuffer | Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes as Uint8Array) as never);
	return workbook;
}

/** A report cell: text, a whole number, points in hundredths (written as value ÷ 100 with two decimals), or empty. */
export type ReportCell = string | number | { hundredths: number } | null;

export interface ReportColumn {
	header: string;
	/** Width in characters. */
	width: number;
}

export interface ReportSheetSpec {
	name: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	orientation?: 'portrait' | 'landscape';
	/** Row heights in points for rows below the header, by index into `rows` (signature lines need room to sign). */
	tallRows?: Record<number, number>;
}

const HUNDREDTHS_FORMAT = '0.00';
const A4 = 9;

/** Excel refuses sheet names over 31 characters or with []:*?/\, and two sheets may not share a name. */
export function safeSheetName(name: string, taken: Set<string>): string {
	const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
	let candidate = base;
	for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base.slice(0, 27)}~${suffix}`;
	taken.add(candidate.toLowerCase());
	return candidate;
}

/**
 * Writes a printable report (成绩单, score sheets, sign-off sheet, tallies): numbers as numbers (points
 * with two decimals, so sums and sorting work in Excel, WPS and LibreOffice), a bold frozen header row
 * repeated on every printed page, A4 fitted to the page width.
 */
export async function writeReport(sheets: ReportSheetSpec[], creator = 'Jiangxin'): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = creator;
	workbook.created = new Date(0);
	workbook.modified = new Date(0);
	const taken = new Set<string>();
	for (const spec of sheets) {
		const sheet = workbook.addWorksheet(safeSheetName(spec.name, taken), {
			views: [{ state: 'frozen', ySplit: 1 }],
			pageSetup: { paperSize: A4, orientation: spec.orientation ?? 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true }
		});
		sheet.pageSetup.printTitlesRow = '1:1';
		sheet.columns = spec.columns.map((column) => ({ header: column.header, width: column.width }));
		const header = sheet.getRow(1);
		header.font = { bold: true };
		header.alignment = { vertical: 'middle', wrapText: true };
		spec.rows.forEach((cells, index) => {
			const row = sheet.addRow([]);
			cells.forEach((cell, column) => {
				if (cell === null) return;
				const target = row.getCell(column + 1);
				if (typeof cell === 'object') {
					target.value = cell.hundredths / 100;
					target.numFmt = HUNDREDTHS_FORMAT;
				} else {
					target.value = cell;
				}
			});
			const height = spec.tallRows?.[index];
			if (height) {
				row.height = height;
				row.alignment = { vertical: 'bottom' };
			}
		});
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
