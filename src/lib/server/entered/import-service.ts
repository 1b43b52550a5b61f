import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatHundredths } from '$lib/domain/entered/hundredths';
import { db } from '../db/client';
import { DomainError, InvalidInputError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { recordAuditBatch } from '../audit/audit-log';
import { readFirstSheet, UnreadableWorkbookError, writeWorkbook } from '../workbooks/xlsx';
import * as queries from './entered-queries';
import { enteredComponents, enteredMax, entryLabel, loadPanelDeskRound, requireNotSignedOff, roundLabel } from './access';
import { announceEntryChange, enteredTarget } from './entered-service';
import { planImport, problemsAsFields, templateHeaders, type ImportProblem, type TableRow } from './import-table';

/** Every problem of an import at its row and column; nothing was stored. */
export class EnteredImportError extends InvalidInputError {
	constructor(readonly problems: ImportProblem[]) {
		super('import_invalid', m.entered_import_invalid({ count: problems.length }), problemsAsFields(problems));
	}
}

const componentLabel = (component: { key: string; label?: { 'zh-CN': string; en: string } }) => component.label?.[getLocale()] ?? component.key;

/** The round's entries by number with an empty column per entered component (and what is stored already). */
export async function enteredTemplate(actor: OrgActor, roundId: string): Promise<{ fileName: string; bytes: Buffer }> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const components = enteredComponents(round);
	const [entries, values] = await Promise.all([queries.listNumberedEntries(conn, actor.organisation.id, roundId), queries.listEnteredValues(conn, actor.organisation.id, roundId)]);
	const headers = templateHeaders(components.map((component) => ({ key: component.key, label: componentLabel(component) })));
	const rows = entries
		.filter((entry) => entry.number !== null)
		.map((entry) => [
			String(entry.number),
			...components.map((component) => {
				const stored = values.find((row) => row.entryId === entry.entryId && row.componentKey === component.key);
				return stored ? formatHundredths(stored.value) : '';
			})
		]);
	const bytes = await writeWorkbook({
		sheets: [{ name: m.entered_template_sheet(), columns: headers.map((header) => ({ header, width: Math.max(12, header.length + 4), text: true })), rows, preparedRows: rows.length }],
		notes: {
			name: m.entered_template_notes_sheet(),
			widths: [90],
			lines: [[m.entered_template_notes_title()], [m.entered_template_note_numbers()], ...components.map((component) => [m.entered_template_note_max({ column: `${componentLabel(component)} (${component.key})`, max: formatHundredths(enteredMax(component)) })])]
		}
	});
	return { fileName: `${round.eventName}-${round.name}-entered.xlsx`, bytes };
}

/** An uploaded workbook: its first row is the header. */
export async function tableOfWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<{ header: string[]; rows: TableRow[] }> {
	try {
		const [header, ...rows] = await readFirstSheet(bytes);
		return { header: header?.cells ?? [], rows };
	} catch (error) {
		if (error instanceof UnreadableWorkbookError) throw new DomainError('workbook_unreadable');
		throw error;
	}
}

/** The API's JSON rows (`{number, values: {key: hundredths}}`) as the same table, rows counted from 1. */
export function tableOfJsonRows(rows: { number: number; values: Record<string, number> }[]): { header: string[]; rows: TableRow[] } {
	const keys = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
	return {
		header: ['number', ...keys],
		rows: rows.map((row, index) => ({ rowNumber: index + 1, cells: [String(row.number), ...keys.map((key) => (row.values[key] === undefined ? '' : formatHundredths(row.values[key]!)))] }))
	};
}

/** Stores every value of the table, or none: any problem refuses the whole import. */
export async function importEnteredValues(actor: OrgActor, roundId: string, table: { header: string[]; rows: TableRow[] }, source: 'import' | 'api'): Promise<{ stored: number }> {
	const organisationId = actor.organisation.id;
	const outcome = await db().begin(async (tx) => {
		const round = await loadPanelDeskRound(tx, actor, roundId, true);
		requireNotSignedOff(round);
		const components = enteredComponents(round).map((component) => ({ key: component.key, max: enteredMax(component) }));
		const entries = await queries.listNumberedEntries(tx, organisationId, roundId);
		const { values, problems } = planImport(table.header, table.rows, { components, entries });
		if (problems.length > 0) throw new EnteredImportError(problems);
		const before = await queries.listEnteredValues(tx, organisationId, roundId);
		await queries.upsertEnteredValues(tx, organisationId, roundId, values, { source, recordedBy: actor.user.id, confirmedBy: null });
		// A two-person keying still waiting on a cell the import set would settle later against a stale
		// value (or list a stale disagreement): the import decides those cells, so their keyings go.
		const cleared = await queries.clearKeyingsOfCells(tx, organisationId, roundId, values.map((value) => ({ entryId: value.entryId, target: enteredTarget(value.componentKey) })));
		const clearedCells = values.flatMap((value) => {
			const keyings = cleared.filter((row) => row.entryId === value.entryId && row.target === enteredTarget(value.componentKey));
			return keyings.length === 0 ? [] : [{ value, keyings: keyings.length }];
		});
		await recordAuditBatch(tx, actor, [
			...clearedCells.map(({ value, keyings }) => ({
				action: 'entered_value.keyings_cleared',
				subjectType: 'entered_value',
				subjectId: `${roundId}:${value.entryId}:${value.componentKey}`,
				subjectLabel: `${roundLabel(round)} · ${entryLabel(value.number, value.entryId)} · ${value.componentKey}`,
				// How many typings were waiting, never what they said (a disagreement stays blind).
				before: { waitingKeyings: keyings },
				after: { waitingKeyings: 0, reason: 'imported', source }
			})),
			...values.map((value) => {
				const old = before.find((row) => row.entryId === value.entryId && row.componentKey === value.componentKey);
				return {
					action: 'entered_value.imported',
					subjectType: 'entered_value',
					subjectId: `${roundId}:${value.entryId}:${value.componentKey}`,
					subjectLabel: `${roundLabel(round)} · ${entryLabel(value.number, value.entryId)} · ${value.componentKey}`,
					before: old ? { value: formatHundredths(old.value) } : undefined,
					after: { value: formatHundredths(value.value), source }
				};
			})
		]);
		return { round, stored: values.length, entryIds: [...new Set(values.map((value) => value.entryId))] };
	});
	for (const entryId of outcome.entryIds) announceEntryChange(actor, outcome.round, entryId);
	return { stored: outcome.stored };
}
