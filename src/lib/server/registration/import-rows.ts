import { m } from '$lib/paraglide/messages.js';
import { checkExtraValues, type ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import { entrantSchema, type Entrant, type EntrySubmission } from '$lib/schemas/entry';
import { isPlainText } from '$lib/schemas/fields';
import { EXTRA_MESSAGES } from './entry-checks';
import { matchHeaders, readGender, readIdType, readLevel, readYesNo, YES_WORD, NO_WORD, type ColumnKey, type ImportColumn, type ImportEvent } from './import-columns';

/**
 * A union's list, row by row, into entries: every cell checked, every problem reported at its
 * spreadsheet row and column header in the reader's language. Rows of one team (same event and team
 * name) become one entry with the marked leader first.
 */

export interface TableRow {
	/** The row number people see in their spreadsheet (or the line of pasted text). */
	rowNumber: number;
	cells: string[];
}

export interface RowProblem {
	row: number;
	/** The column's header as the sheet shows it; empty for a problem of the whole row. */
	column: string;
	field: ColumnKey | null;
	message: string;
}

export interface PlannedEntry {
	submission: EntrySubmission;
	/** The sheet row of each member, leader first. */
	rows: number[];
}

export interface ParsedTable {
	entries: PlannedEntry[];
	problems: RowProblem[];
	rowCount: number;
}

export interface TableContext {
	columns: ImportColumn[];
	events: ImportEvent[];
	fields: ExtraFieldDefinition[];
	allowMultipleEvents: boolean;
	/**
	 * A workbook's first row holds headers; pasted text may start with data in the template's order;
	 * the API's JSON rows come in the template's order with no header.
	 */
	header: 'required' | 'optional' | 'none';
}

export const MAX_IMPORT_ROWS = 20_000;

interface RowValues {
	row: number;
	entrant: Entrant;
	eventId: string;
	participation: 'individual' | 'team';
	teamName: string;
	leader: boolean;
	extra: Record<string, string | string[]>;
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function normaliseDate(text: string): string {
	const match = DATE.exec(text.trim());
	return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text.trim();
}

function extraCell(field: ExtraFieldDefinition, cell: string): string | string[] | undefined {
	if (cell === '') return undefined;
	if (field.kind === 'multi_choice') return cell.split(/[、,，;；\n]/).map((part) => part.trim()).filter((part) => part !== '');
	if (field.kind === 'date') return normaliseDate(cell);
	return cell;
}

class RowReader {
	readonly problems: RowProblem[] = [];
	private readonly headers = new Map<ColumnKey, string>();

	constructor(private readonly context: TableContext) {
		for (const column of context.columns) this.headers.set(column.key, column.header);
	}

	header(key: ColumnKey | null): string {
		return key ? (this.headers.get(key) ?? '') : '';
	}

	report(row: number, field: ColumnKey | null, message: string): void {
		this.problems.push({ row, column: this.header(field), field, message });
	}

	/** One data row's values, or null (its problems reported) when any cell is wrong. */
	read(rowNumber: number, cell: (key: ColumnKey) => string): RowValues | null {
		const before = this.problems.length;
		const { events, fields } = this.context;
		for (const column of this.context.columns) if (!isPlainText(cell(column.key))) this.report(rowNumber, column.key, m.http_text_invalid_characters());
		if (this.problems.length > before) return null;
		const choose = (field: ColumnKey, choices: string[]) => this.report(rowNumber, field, m.import_not_in_list({ choices: choices.join('、') }));
		const gender = readGender(cell('gender'));
		if (cell('gender') !== '' && !gender) choose('gender', this.choicesOf('gender'));
		const idType = cell('idType') === '' ? 'resident_id' : readIdType(cell('idType'));
		if (!idType) choose('idType', this.choicesOf('idType'));
		const level = cell('level') === '' ? null : readLevel(cell('level'));
		if (level === undefined) choose('level', this.choicesOf('level'));
		const event = cell('event') === '' ? (events.length === 1 ? events[0] : undefined) : events.find((candidate) => candidate.name === cell('event').trim() || candidate.id === cell('event').trim());
		if (!event) this.report(rowNumber, 'event', cell('event') === '' ? m.validation_required() : m.import_unknown_event({ name: cell('event') }));
		const leader = readYesNo(cell('leader'));
		if (leader === undefined) choose('leader', [YES_WORD, NO_WORD]);
		const parsed = entrantSchema.safeParse({ name: cell('name'), gender: gender ?? '', idType: idType ?? 'resident_id', idNumber: cell('idNumber'), phone: cell('phone'), unit: cell('unit'), trade: cell('trade'), level: level ?? null });
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const key = String(issue.path[0] ?? 'name') as ColumnKey;
				// A wrong word in a list column is reported once, as not in the list.
				if (this.problems.some((problem) => problem.row === rowNumber && problem.field === key)) continue;
				this.report(rowNumber, key, issue.message);
			}
		}
		const extra: Record<string, string | string[]> = {};
		for (const field of fields) {
			if (field.kind === 'file') continue;
			const value = extraCell(field, cell(`extra.${field.key}`));
			if (value !== undefined) extra[field.key] = value;
		}
		const checked = checkExtraValues(
			fields.filter((field) => field.kind !== 'file'),
			extra
		);
		if (!checked.ok) for (const [key, problem] of Object.entries(checked.problems)) this.report(rowNumber, `extra.${key}`, EXTRA_MESSAGES[problem]());
		if (event?.participation === 'team' && cell('teamName').trim() === '') this.report(rowNumber, 'teamName', m.entries_team_name_required());
		if (this.problems.length > before || !parsed.success || !event) return null;
		return { row: rowNumber, entrant: parsed.data, eventId: event.id, participation: event.participation, teamName: cell('teamName').trim(), leader: leader ?? false, extra };
	}

	private choicesOf(key: ColumnKey): string[] {
		return this.context.columns.find((column) => column.key === key)?.choices ?? [];
	}
}

/** Where each column is, from the table's first row: a header (or the template's order when there is none). */
function locateColumns(first: TableRow | undefined, context: TableContext, reader: RowReader): { positions: Map<ColumnKey, number>; headerRow: boolean } | null {
	const templateOrder = () => ({ positions: new Map(context.columns.map((column, index) => [column.key, index])), headerRow: false });
	if (context.header === 'none') return templateOrder();
	const matched = first ? matchHeaders(first.cells, context.columns) : [];
	const hasHeader = matched.filter((key) => key !== null).length >= 3;
	if (!hasHeader && context.header === 'optional') return templateOrder();
	const positions = new Map<ColumnKey, number>();
	matched.forEach((key, index) => key && positions.set(key, index));
	let complete = true;
	for (const column of context.columns) {
		if (column.required && !positions.has(column.key)) {
			reader.problems.push({ row: first?.rowNumber ?? 1, column: column.header, field: column.key, message: m.import_column_missing({ column: column.header }) });
			complete = false;
		}
	}
	return complete ? { positions, headerRow: true } : null;
}

/** A team: the rows of one event and team name, leader first; exactly one leader. */
function teamEntry(slot: RowValues[], reader: RowReader): PlannedEntry | null {
	const leaders = slot.filter((member) => member.leader);
	if (leaders.length === 0) reader.report(slot[0]!.row, 'leader', m.import_leader_missing());
	for (const extra of leaders.slice(1)) reader.report(extra.row, 'leader', m.import_leader_twice());
	if (leaders.length !== 1) return null;
	const leader = leaders[0]!;
	const ordered = [leader, ...slot.filter((member) => !member.leader)];
	return { submission: { eventId: leader.eventId, teamName: leader.teamName, unit: leader.entrant.unit, members: ordered.map((member) => member.entrant), extra: leader.extra }, rows: ordered.map((member) => member.row) };
}

/** The sheet row an entry starts at: a team's first row, whichever member is its leader. */
const firstRowOf = (entry: PlannedEntry) => Math.min(...entry.rows);

/**
 * Reads a table as it arrives, a few hundred rows at a time, so an import can store the first rows
 * while the rest of the file is still being read. `push` answers the entries complete so far: each
 * individual row at once; teams wait for `finish`, as a team's rows may come anywhere in the list.
 * Once any row is wrong nothing more is answered, but every row is still checked, so `finish` lists
 * every problem (sorted by row and column). The same person twice (in one event, or at all when one
 * event per person) is reported at the later row.
 */
export class TableParser {
	private readonly reader: RowReader;
	private positions: Map<ColumnKey, number> | null = null;
	private located = false;
	private firstRow = 0;
	private dataRows = 0;
	private readonly seen = new Map<string, number>();
	private readonly teams = new Map<string, RowValues[]>();
	private readonly teamOrder: RowValues[][] = [];

	constructor(private readonly context: TableContext) {
		this.reader = new RowReader(context);
	}

	get hasProblems(): boolean {
		return this.reader.problems.length > 0;
	}

	push(rows: TableRow[]): PlannedEntry[] {
		let data = rows;
		if (!this.located && rows.length > 0) {
			this.located = true;
			this.firstRow = rows[0]!.rowNumber;
			const located = locateColumns(rows[0], this.context, this.reader);
			this.positions = located?.positions ?? null;
			if (located?.headerRow) data = rows.slice(1);
		}
		const positions = this.positions;
		if (!positions) return [];
		const ready: PlannedEntry[] = [];
		for (const row of data) {
			if (++this.dataRows > MAX_IMPORT_ROWS) {
				if (this.dataRows === MAX_IMPORT_ROWS + 1) this.reader.report(row.rowNumber, null, m.import_too_many_rows({ max: MAX_IMPORT_ROWS }));
				continue;
			}
			const value = this.reader.read(row.rowNumber, (key) => {
				const position = positions.get(key);
				return position === undefined ? '' : (row.cells[position] ?? '').trim();
			});
			if (!value) continue;
			this.checkDuplicate(value);
			if (value.participation === 'team') this.addToTeam(value);
			else ready.push({ submission: { eventId: value.eventId, teamName: null, unit: null, members: [value.entrant], extra: value.extra }, rows: [value.row] });
		}
		return this.hasProblems ? [] : ready;
	}

	/** The teams, once every row is in, and every problem of the table. */
	finish(): { teams: PlannedEntry[]; problems: RowProblem[]; rowCount: number } {
		if (!this.located) {
			// An empty table: a workbook still needs its header's columns.
			this.located = true;
			this.positions = locateColumns(undefined, this.context, this.reader)?.positions ?? null;
		}
		if (this.positions && this.dataRows === 0) this.reader.report(this.firstRow + 1, null, m.import_no_rows());
		const teams = this.teamOrder.map((slot) => teamEntry(slot, this.reader)).filter((entry) => entry !== null);
		const problems = this.reader.problems.sort((first, second) => first.row - second.row || columnOrder(this.context, first.field) - columnOrder(this.context, second.field));
		return { teams: problems.length > 0 ? [] : teams, problems, rowCount: this.positions ? this.dataRows : 0 };
	}

	private checkDuplicate(value: RowValues): void {
		const scope = this.context.allowMultipleEvents ? `${value.eventId}:${value.entrant.idNumber}` : value.entrant.idNumber;
		const earlier = this.seen.get(scope);
		if (earlier !== undefined) this.reader.report(value.row, 'idNumber', m.import_duplicate_row({ row: earlier }));
		else this.seen.set(scope, value.row);
	}

	private addToTeam(value: RowValues): void {
		const key = `${value.eventId}\u0000${value.teamName}`;
		const team = this.teams.get(key);
		if (team) team.push(value);
		else {
			const members = [value];
			this.teams.set(key, members);
			this.teamOrder.push(members);
		}
	}
}

/** Reads a whole table: entries to register in the sheet's order, or every problem found. */
export function parseTable(rows: TableRow[], context: TableContext): ParsedTable {
	const parser = new TableParser(context);
	const individuals = parser.push(rows);
	const { teams, problems, rowCount } = parser.finish();
	const entries = problems.length > 0 ? [] : [...individuals, ...teams].sort((first, second) => firstRowOf(first) - firstRowOf(second));
	return { entries, problems, rowCount };
}

function columnOrder(context: TableContext, key: ColumnKey | null): number {
	return key === null ? -1 : context.columns.findIndex((column) => column.key === key);
}

const MEMBER_FIELDS: Record<string, ColumnKey> = { name: 'name', gender: 'gender', idType: 'idType', idNumber: 'idNumber', phone: 'phone', unit: 'unit', trade: 'trade', level: 'level' };

/**
 * The registration core's problems (keyed `<index>.<path>`, e.g. `12.members.0.idNumber`) at the
 * sheet's rows and columns. `entries[i]` is the entry the core saw at index i.
 */
export function problemsAtRows(fields: Record<string, string>, entries: PlannedEntry[], columns: ImportColumn[], indexed = true): RowProblem[] {
	const header = (key: ColumnKey | null) => (key ? (columns.find((column) => column.key === key)?.header ?? '') : '');
	return Object.entries(fields).map(([key, message]) => {
		const parts = key.split('.');
		const index = indexed ? Number(parts.shift()) : 0;
		const entry = entries[index] ?? entries[0];
		const firstRow = entry?.rows[0] ?? 0;
		let row = firstRow;
		let field: ColumnKey | null = null;
		if (parts[0] === 'members' && parts.length >= 3) {
			row = entry?.rows[Number(parts[1])] ?? firstRow;
			field = MEMBER_FIELDS[parts[2]!] ?? null;
		} else if (parts[0] === 'members') field = entry && entry.rows.length > 1 ? 'teamName' : 'name';
		else if (parts[0] === 'eventId') field = 'event';
		else if (parts[0] === 'teamName') field = 'teamName';
		else if (parts[0] === 'extra' && parts[1]) field = `extra.${parts.slice(1).join('.')}`;
		return { row, column: header(field), field, message };
	});
}

/** Problems as the API's `fields`: `row<row>.<column key>` (`row12.idNumber`). */
export function problemsAsFields(problems: RowProblem[]): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const problem of problems) fields[`row${problem.row}.${problem.field ?? 'row'}`] ??= problem.message;
	return fields;
}

/** Pasted text (tab-separated, as copied from a spreadsheet), one row per line. */
export function tableFromText(text: string): TableRow[] {
	return text
		.split(/\r?\n/)
		.map((line, index) => ({ rowNumber: index + 1, cells: line.split('\t').map((cell) => cell.trim()) }))
		.filter((row) => row.cells.some((cell) => cell !== ''));
}
