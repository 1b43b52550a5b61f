import { m } from '$lib/paraglide/messages.js';
import { maskPhone } from '$lib/domain/identity/id-number';
import { checkExtraValues, type ExtraFieldDefinition, type ExtraValue } from '$lib/domain/registration/extra-fields';
import type { IdType } from '$lib/domain/identity/id-number';
import type { SkillLevel } from '$lib/schemas/entry';
import { db, type Tx } from '../db/client';
import { DomainError, InvalidInputError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { idNumberHash } from '../crypto/personal-data';
import { openRegistration, updateEntry, type RegistrationRequest, type RegistrationWriter } from './register';
import { registrationOpenFor } from './entry-checks';
import { findActiveMembers, listExtraFieldDefinitions, listRegistrationEvents, lockRegistrationCompetition } from './entry-queries';
import { listEntriesForComparison, type StoredEntry } from './import-queries';
import { genderLabel, idTypeLabel, importColumns, levelLabel, type ImportColumn } from './import-columns';
import { problemsAsFields, problemsAtRows, TableParser, type PlannedEntry, type RowProblem, type TableRow } from './import-rows';
import type { ActiveMember, EntrySummaryRow } from './entry-queries';

/**
 * A union's list into the competition in one transaction: every row checked first (nothing is
 * imported while any row is wrong), people matched to entries already there by the keyed hash of
 * their ID number, so re-uploading a list duplicates nobody: new entries are registered, changed
 * ones updated, unchanged ones left alone. A dry run does all of it and rolls back, so the preview
 * says exactly what the import will do.
 */

export interface FieldChange {
	column: string;
	before: string;
	after: string;
}

export interface EntryChange {
	row: number;
	label: string;
	changes: FieldChange[];
}

export interface ImportSummary {
	dryRun: boolean;
	rows: number;
	created: number;
	waitlisted: number;
	updated: number;
	unchanged: number;
	/** The first MAX_LISTED_CHANGES updated entries with what changes; `changesOmitted` more. */
	changes: EntryChange[];
	changesOmitted: number;
}

const MAX_LISTED_CHANGES = 200;

/** Every problem of a list at its row and column; the API adds them as `rows`. */
export class ImportRowsError extends InvalidInputError {
	constructor(readonly problems: RowProblem[]) {
		super('import_invalid', m.import_invalid({ count: problems.length }), problemsAsFields(problems));
	}
}

class DryRunDone extends Error {
	constructor(readonly summary: ImportSummary) {
		super('dry run');
	}
}

export interface ImportInput {
	/**
	 * The rows: as a workbook is read (chunks), all at once, or (for the API's JSON rows) how to lay them
	 * out once the competition's columns are known.
	 */
	table: TableRow[] | AsyncIterable<TableRow[]> | ((columns: ImportColumn[], fields: ExtraFieldDefinition[]) => TableRow[]);
	/** A workbook has a header row; pasted text may start with data in the template's order; JSON rows have none. */
	header: 'required' | 'optional' | 'none';
	source: 'import' | 'api';
	dryRun: boolean;
}

interface Matched {
	entry: PlannedEntry;
	stored: StoredEntry;
	changes: FieldChange[];
}

/** Rows handed on at a time: the first are stored while the rest are read and checked. */
const CHUNK_ROWS = 1000;

async function* chunksOf(table: ImportInput['table'], columns: ImportColumn[], fields: ExtraFieldDefinition[]): AsyncGenerator<TableRow[]> {
	const source = typeof table === 'function' ? table(columns, fields) : table;
	if (!Array.isArray(source)) return yield* source;
	for (let start = 0; start < source.length; start += CHUNK_ROWS) yield source.slice(start, start + CHUNK_ROWS);
}

export async function importEntries(actor: OrgActor, competitionId: string, input: ImportInput): Promise<ImportSummary> {
	requireRole(actor, MANAGER_ROLES);
	const organisationId = actor.organisation.id;
	try {
		return await db().begin(async (tx) => {
			const competition = await lockRegistrationCompetition(tx, organisationId, competitionId);
			if (!competition) throw new DomainError('not_found');
			const [events, fields, active] = await Promise.all([listRegistrationEvents(tx, organisationId, competitionId), listExtraFieldDefinitions(tx, organisationId, competitionId), findActiveMembers(tx, organisationId, competitionId)]);
			const columns = importColumns(events, fields);
			const parser = new TableParser({ columns, events, fields, allowMultipleEvents: competition.allowMultipleEvents, header: input.header });
			const request: RegistrationRequest = { source: input.source, registrantId: null, consentVersion: null };
			// A wrong list is answered as such at any stage; a right one needs the competition taking entries.
			const open = registrationOpenFor(competition, false, new Date());
			const list = new ListImport(tx, organisationId, competitionId, columns, fields, active, open ? await openRegistration(tx, actor, organisationId, competitionId, request, active) : null);
			// Rows are stored as they are read and checked, while PostgreSQL writes the ones before; a
			// wrong row anywhere rolls all of it back, and every wrong row is still listed.
			for await (const rows of chunksOf(input.table, columns, fields)) await list.add(parser.push(rows));
			const parsed = parser.finish();
			if (parsed.problems.length > 0) return list.fail(new ImportRowsError(parsed.problems));
			if (!open) throw new DomainError('registration_closed');
			await list.add(parsed.teams);
			const { created, changed, unchanged } = await list.finish();
			for (const { entry, stored } of changed) {
				await updateEntry(tx, actor, organisationId, stored.id, request, entry.submission, (found) => {
					const summary = found as typeof found & { competitionId: string; registrantId: string | null };
					if (summary.competitionId !== competitionId) throw new DomainError('not_found');
					// A contestant's own registration is theirs to change, not a union list's.
					if (summary.registrantId !== null) throw new ImportRowsError([{ row: entry.rows[0]!, column: '', field: null, message: m.import_error_organiser_only() }]);
				}).catch((error: unknown) => rethrowAtRows(error, [entry], columns, false));
			}
			const summary: ImportSummary = {
				dryRun: input.dryRun,
				rows: parsed.rowCount,
				created: created.length,
				waitlisted: created.filter((row) => row.status === 'waitlisted').length,
				updated: changed.length,
				unchanged,
				changes: changed.slice(0, MAX_LISTED_CHANGES).map(({ entry, changes }) => ({ row: entry.rows[0]!, label: entry.submission.teamName ?? entry.submission.members[0]!.name, changes })),
				changesOmitted: Math.max(0, changed.length - MAX_LISTED_CHANGES)
			};
			if (input.dryRun) throw new DryRunDone(summary);
			await recordAudit(tx, actor, {
				action: 'entries.imported',
				subjectType: 'competition',
				subjectId: competitionId,
				subjectLabel: competition.title,
				after: { source: input.source, rows: summary.rows, created: summary.created, waitlisted: summary.waitlisted, updated: summary.updated, unchanged: summary.unchanged }
			});
			return summary;
		});
	} catch (error) {
		if (error instanceof DryRunDone) return error.summary;
		throw error;
	}
}

function rethrowAtRows(error: unknown, entries: PlannedEntry[], columns: ImportColumn[], indexed: boolean): never {
	if (error instanceof ImportRowsError) throw error;
	if (error instanceof InvalidInputError) throw new ImportRowsError(problemsAtRows(error.fields, entries, columns, indexed));
	throw error;
}

/**
 * A list's entries as they come: each matched by the keyed hash of its people's ID numbers to the
 * entries already there (read once, after the competition's lock), so a re-uploaded list duplicates
 * nobody. New ones go to the registration at once; changed ones are kept for the end, when every new
 * one is in; unchanged ones are counted. The registration's problems are gathered at their rows.
 */
class ListImport {
	private readonly entryOf: Map<string, string>;
	private readonly changed: Matched[] = [];
	private unchanged = 0;
	private readonly problems: RowProblem[] = [];

	constructor(
		private readonly tx: Tx,
		private readonly organisationId: string,
		private readonly competitionId: string,
		private readonly columns: ImportColumn[],
		private readonly fields: ExtraFieldDefinition[],
		active: ActiveMember[],
		private readonly registration: RegistrationWriter | null
	) {
		this.entryOf = new Map(active.map((row) => [`${row.eventId}:${row.idNumberHash}`, row.entryId]));
	}

	async add(entries: PlannedEntry[]): Promise<void> {
		if (entries.length === 0 || !this.registration) return;
		const hashes = entries.map((entry) => entry.submission.members.map((member) => idNumberHash(member.idNumber)));
		const matches = entries.map((entry, index) => hashes[index]!.map((hash) => this.entryOf.get(`${entry.submission.eventId}:${hash}`)).find((id) => id !== undefined));
		const matchedIds = [...new Set(matches.filter((id) => id !== undefined))];
		const stored = new Map((await listEntriesForComparison(this.tx, this.organisationId, this.competitionId, matchedIds)).map((entry) => [entry.id, entry]));
		const fresh: PlannedEntry[] = [];
		const freshHashes: string[][] = [];
		entries.forEach((entry, index) => {
			const existing = matches[index] === undefined ? undefined : stored.get(matches[index]);
			if (!existing) {
				fresh.push(entry);
				freshHashes.push(hashes[index]!);
				return;
			}
			// Files cannot travel in a sheet: the entry keeps the ones it has.
			for (const field of this.fields) if (field.kind === 'file' && existing.extra[field.key] !== undefined) entry.submission.extra[field.key] = existing.extra[field.key];
			const changes = describeChanges(entry, existing, hashes[index]!, this.columns, this.fields);
			if (changes.length === 0) this.unchanged++;
			else this.changed.push({ entry, stored: existing, changes });
		});
		try {
			await this.registration.add(fresh.map((entry) => entry.submission), freshHashes);
		} catch (error) {
			if (!(error instanceof InvalidInputError)) throw error;
			this.problems.push(...problemsAtRows(error.fields, fresh, this.columns, true));
		}
	}

	/** What was stored; a list the registration refused anywhere throws every problem at its row. */
	async finish(): Promise<{ created: EntrySummaryRow[]; changed: Matched[]; unchanged: number }> {
		if (this.problems.length > 0) return this.fail(new ImportRowsError(this.problems.sort((first, second) => first.row - second.row)));
		const created = this.registration ? await this.registration.finish().catch((error: unknown) => rethrowAtRows(error, [], this.columns, true)) : [];
		return { created, changed: this.changed, unchanged: this.unchanged };
	}

	/** Gives up: waits for the writes already sent (so the rollback follows them), then throws. */
	async fail(error: Error): Promise<never> {
		await this.registration?.settle();
		throw error;
	}
}

function shown(value: ExtraValue | null | undefined): string {
	if (value === null || value === undefined) return '';
	return Array.isArray(value) ? value.join('、') : String(value);
}

/** What the list changes in an entry, in the sheet's words (phones masked, ID numbers never shown). */
export function describeChanges(entry: PlannedEntry, stored: StoredEntry, hashes: string[], columns: ImportColumn[], fields: ExtraFieldDefinition[]): FieldChange[] {
	const header = (key: string) => columns.find((column) => column.key === key)?.header ?? key;
	const changes: FieldChange[] = [];
	const add = (column: string, before: string, after: string) => before !== after && changes.push({ column, before, after });
	const { submission } = entry;
	if (submission.teamName !== null) add(header('teamName'), stored.teamName ?? '', submission.teamName);
	const team = submission.members.length > 1 || stored.members.length > 1;
	if (stored.members.map((member) => member.idNumberHash).join() !== hashes.join()) {
		add(m.import_members_column(), stored.members.map((member) => member.name).join('、'), submission.members.map((member) => member.name).join('、'));
	} else {
		submission.members.forEach((member, position) => {
			const before = stored.members[position]!;
			const prefix = team ? `${member.name} · ` : '';
			add(prefix + header('name'), before.name, member.name);
			add(prefix + header('gender'), genderLabel(before.gender), genderLabel(member.gender));
			add(prefix + header('idType'), idTypeLabel(before.idType as IdType), idTypeLabel(member.idType));
			add(prefix + header('phone'), maskPhone(before.phone), maskPhone(member.phone));
			add(prefix + header('unit'), before.unit, member.unit);
			add(prefix + header('trade'), before.trade, member.trade);
			add(prefix + header('level'), before.level ? levelLabel(before.level as SkillLevel) : '', member.level ? levelLabel(member.level) : '');
		});
	}
	const checked = checkExtraValues(fields, submission.extra);
	const after = checked.ok ? checked.values : {};
	for (const field of fields) if (field.kind !== 'file') add(header(`extra.${field.key}`), shown(stored.extra[field.key]), shown(after[field.key]));
	return changes;
}
