import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { m } from '$lib/paraglide/messages.js';
import { maskIdNumber, maskPhone } from '$lib/domain/identity/id-number';
import { attachmentIdsOf, type ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import { arrivalStatus } from '$lib/domain/registration/places';
import type { EntrySubmission } from '$lib/schemas/entry';
import type { Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError, InvalidInputError } from '../domain-error';
import type { Actor } from '../auth/actor';
import { recordAuditBatch, type AuditEntry } from '../audit/audit-log';
import { encryptText, idNumberHash } from '../crypto/personal-data';
import * as queries from './entry-queries';
import { findClaimableAttachments, linkAttachments } from './attachment-queries';
import { registrationOpenFor, shapeSubmission, type ShapedSubmission } from './entry-checks';

export interface RegistrationRequest {
	source: queries.EntrySource;
	/** The contestant's account (self-registration), or null for organisers' entries. */
	registrantId: string | null;
	/** The version of the privacy notice the contestant accepted; organisers' imports record none. */
	consentVersion: number | null;
	now?: Date;
}

/** What an audit row says of the people of an entry: names and masked numbers only. */
export function describeMembers(members: { name: string; idNumberMasked: string; phone: string; unit: string }[]) {
	return members.map((member) => ({ name: member.name, idNumber: member.idNumberMasked, phone: maskPhone(member.phone), unit: member.unit }));
}

function entryLabel(submission: EntrySubmission, eventName: string): string {
	return `${submission.teamName ?? submission.members[0]!.name}（${eventName}）`;
}

interface Context {
	competition: queries.RegistrationCompetition;
	events: Map<string, queries.RegistrationEvent>;
	fields: ExtraFieldDefinition[];
}

async function loadContext(tx: Tx, organisationId: string, competitionId: string, request: RegistrationRequest): Promise<Context> {
	const competition = await queries.lockRegistrationCompetition(tx, organisationId, competitionId);
	if (!competition) throw new DomainError('not_found');
	const self = request.source === 'self';
	if (!registrationOpenFor(competition, self, request.now ?? new Date())) throw new DomainError('registration_closed');
	if (self && request.consentVersion !== competition.privacyNoticeVersion) throw new DomainError('consent_required', {}, 'consent');
	const [events, fields] = await Promise.all([queries.listRegistrationEvents(tx, organisationId, competitionId), queries.listExtraFieldDefinitions(tx, organisationId, competitionId)]);
	return { competition, events: new Map(events.map((event) => [event.id, event])), fields };
}

/** Active members by the hash of their ID number, to tell who is already entered where. */
function byHash(active: queries.ActiveMember[]): Map<string, queries.ActiveMember[]> {
	const index = new Map<string, queries.ActiveMember[]>();
	for (const row of active) {
		const rows = index.get(row.idNumberHash);
		if (rows) rows.push(row);
		else index.set(row.idNumberHash, [row]);
	}
	return index;
}

/**
 * What a caller that already knows the people passes on, so a list's ID numbers are not hashed and
 * looked up twice: each submission's members' hashes in order, and the competition's active members
 * (read in the same transaction after the competition's lock, so nobody registered in between). `seen`
 * carries the people of earlier calls, to find a person twice across a list's chunks.
 */
interface KnownPeople {
	hashes?: string[][];
	activeByHash?: Map<string, queries.ActiveMember[]>;
	seen?: Map<string, string>;
}

/**
 * Checks every submission against every rule before anything is written: the event, team size, extra
 * fields, attachments, and that nobody is entered twice (within the submissions, in the event, or in
 * another event when the competition allows only one). All problems come back at once, keyed
 * `<index>.<field path>`, so an import can list every wrong row.
 */
async function checkSubmissions(tx: Tx, organisationId: string, context: Context, request: RegistrationRequest, submissions: EntrySubmission[], replacing: string | null, known: KnownPeople = {}) {
	const problems: Record<string, string> = {};
	const shaped: (ShapedSubmission | null)[] = submissions.map((submission, index) => shapeSubmission(submission, context.events, context.fields, problems, `${index}.`));
	const hashes = known.hashes ?? submissions.map((submission) => submission.members.map((member) => idNumberHash(member.idNumber)));
	const existingByHash = known.activeByHash ?? byHash(await queries.findActiveMembers(tx, organisationId, context.competition.id, [...new Set(hashes.flat())]));
	const seen = known.seen ?? new Map<string, string>();
	submissions.forEach((submission, index) => {
		hashes[index]!.forEach((hash, position) => {
			const field = `${index}.members.${position}.idNumber`;
			const scope = context.competition.allowMultipleEvents ? `${submission.eventId}:${hash}` : hash;
			if (seen.has(scope)) problems[field] = m.entries_duplicate_in_list();
			seen.set(scope, field);
			const elsewhere = (existingByHash.get(hash) ?? []).filter((row) => row.entryId !== replacing);
			if (elsewhere.some((row) => row.eventId === submission.eventId)) problems[field] = m.entries_error_already_registered();
			else if (!context.competition.allowMultipleEvents && elsewhere.length > 0) problems[field] = m.entries_error_one_event_only();
		});
	});
	const wanted = shaped.flatMap((entry) => (entry ? attachmentIdsOf(context.fields, entry.extra) : []));
	const claimable = new Set(await findClaimableAttachments(tx, organisationId, context.competition.id, wanted, request.registrantId, replacing));
	shaped.forEach((entry, index) => {
		if (entry && attachmentIdsOf(context.fields, entry.extra).some((id) => !claimable.has(id))) problems[`${index}.extra`] = m.entries_error_attachment_invalid();
	});
	if (Object.keys(problems).length > 0) throw new InvalidInputError('entries_invalid', m.entries_invalid(), problems);
	return { shaped: shaped as ShapedSubmission[], hashes };
}

/** A submission's people as stored: ID numbers encrypted, hashed (by the caller) and masked. */
export function toNewMembers(submission: EntrySubmission, hashes: string[]): queries.NewMember[] {
	return submission.members.map((member, position) => ({
		position,
		name: member.name,
		gender: member.gender,
		idType: member.idType,
		idNumberCipher: encryptText(member.idNumber),
		idNumberHash: hashes[position]!,
		idNumberMasked: maskIdNumber(member.idNumber),
		birthDate: member.birthDate,
		phone: member.phone,
		unit: member.unit,
		trade: member.trade,
		level: member.level
	}));
}

/** A unique index caught a registration that raced past the checks: the same message as the check gives. */
function raceLost(error: unknown): never {
	if (isUniqueViolation(error, 'entry_member_once_per_event_key')) throw new InvalidInputError('entries_invalid', m.entries_invalid(), { '0.members.0.idNumber': m.entries_error_already_registered() });
	throw error;
}

/**
 * Registers entries (one from a phone, or a union's whole list) in the caller's transaction: all or
 * nothing. A full event puts new entries on its waiting list. Problems throw InvalidInputError with
 * fields keyed `<index>.<field path>`.
 */
export async function registerEntries(tx: Tx, actor: Actor, organisationId: string, competitionId: string, request: RegistrationRequest, submissions: EntrySubmission[]): Promise<queries.EntrySummaryRow[]> {
	const writer = await openRegistration(tx, actor, organisationId, competitionId, request);
	await writer.add(submissions);
	return writer.finish();
}

/**
 * A list registered as it arrives (an import stores its first rows while the rest of the file is
 * still read). Each `add` checks its submissions against every rule and against those added before,
 * then sends them to PostgreSQL without waiting: one connection runs them in order, so arrival order
 * is the list's, while this process reads and checks the next ones. After an `add` fails, later ones
 * only check (so every problem of a list is found) and write nothing; the caller rolls back.
 * `active`: the competition's active members, when the caller has read them after the lock.
 */
export async function openRegistration(tx: Tx, actor: Actor, organisationId: string, competitionId: string, request: RegistrationRequest, active?: queries.ActiveMember[]): Promise<RegistrationWriter> {
	const context = await loadContext(tx, organisationId, competitionId, request);
	const places = new Map((await queries.countPlaces(tx, organisationId, competitionId)).map((row) => [row.eventId, row.taken]));
	return new RegistrationWriter(tx, actor, organisationId, request, context, places, active && byHash(active));
}

export class RegistrationWriter {
	private readonly seen = new Map<string, string>();
	private readonly writes: Promise<queries.EntrySummaryRow[]>[] = [];
	private readonly attachmentIds: string[][] = [];
	private failed = false;

	constructor(
		private readonly tx: Tx,
		private readonly actor: Actor,
		private readonly organisationId: string,
		private readonly request: RegistrationRequest,
		private readonly context: Context,
		private readonly places: Map<string, number>,
		private readonly activeByHash: Map<string, queries.ActiveMember[]> | undefined
	) {}

	/** Problems throw InvalidInputError keyed `<index in this call>.<field path>`. */
	async add(submissions: EntrySubmission[], knownHashes?: string[][]): Promise<void> {
		if (submissions.length === 0) return;
		const { tx, organisationId, request, context } = this;
		let checked;
		try {
			checked = await checkSubmissions(tx, organisationId, context, request, submissions, null, { hashes: knownHashes, activeByHash: this.activeByHash, seen: this.seen });
		} catch (error) {
			this.failed = true;
			throw error;
		}
		if (this.failed) return;
		const { shaped, hashes } = checked;
		for (let start = 0; start < shaped.length; start += WRITE_BATCH) {
			const indexes = shaped.slice(start, start + WRITE_BATCH).map((_, offset) => start + offset);
			const newEntries = indexes.map((index): queries.NewEntry => {
				const entry = shaped[index]!;
				const taken = this.places.get(entry.event.id) ?? 0;
				const status = arrivalStatus(entry.event.capacity, taken);
				if (status === 'submitted') this.places.set(entry.event.id, taken + 1);
				this.attachmentIds.push(attachmentIdsOf(context.fields, entry.extra));
				return { id: randomUUID(), eventId: entry.event.id, teamName: entry.teamName, unit: entry.unit, status, extra: entry.extra, members: toNewMembers(submissions[index]!, hashes[index]!) };
			});
			const batch = queries.insertEntries(tx, organisationId, context.competition.id, { registrantId: request.registrantId, source: request.source, consentVersion: request.consentVersion }, newEntries);
			const audit = recordAuditBatch(tx, this.actor, newEntries.map((entry, offset) => registeredAudit(entry, submissions[indexes[offset]!]!, shaped[indexes[offset]!]!.event.name, request.source)), organisationId);
			const written = Promise.all([batch, audit]).then(([rows]) => rows);
			// Awaited in finish (or settle); until then a failure must not count as an unhandled rejection.
			written.catch(() => {});
			this.writes.push(written);
			// Let the batch go out on the socket before encrypting the next one.
			await setImmediate();
		}
	}

	/** Every entry written, in the order added. */
	async finish(): Promise<queries.EntrySummaryRow[]> {
		const rows = (await Promise.all(this.writes).catch(raceLost)).flat();
		for (const [index, row] of rows.entries()) await linkAttachments(this.tx, this.organisationId, row.id, this.attachmentIds[index]!);
		return rows;
	}

	/** Waits for whatever was sent, failures ignored, before the caller gives up and rolls back. */
	async settle(): Promise<void> {
		await Promise.allSettled(this.writes);
	}
}

/** Entries sent in one statement (with their members and audit rows); batches go out without waiting for each other. */
export const WRITE_BATCH = 1000;

/** The audit row of one registered entry, in words (ID numbers and phones masked). */
export function registeredAudit(entry: queries.NewEntry, submission: EntrySubmission, eventName: string, source: queries.EntrySource): AuditEntry {
	return {
		action: 'entry.registered',
		subjectType: 'entry',
		subjectId: entry.id,
		subjectLabel: entryLabel(submission, eventName),
		after: { event: eventName, team: entry.teamName, unit: entry.unit, status: entry.status, source, members: describeMembers(entry.members) }
	};
}

/** One entry; problems keyed by field path (`members.0.idNumber`) as its form shows them. */
export async function registerEntry(tx: Tx, actor: Actor, organisationId: string, competitionId: string, request: RegistrationRequest, submission: EntrySubmission): Promise<queries.EntrySummaryRow> {
	try {
		const [row] = await registerEntries(tx, actor, organisationId, competitionId, request, [submission]);
		return row!;
	} catch (error) {
		throw withoutIndex(error);
	}
}

function withoutIndex(error: unknown): unknown {
	if (!(error instanceof InvalidInputError)) return error;
	return new InvalidInputError(error.code, error.summary, Object.fromEntries(Object.entries(error.fields).map(([key, value]) => [key.replace(/^0\./, ''), value])));
}

/**
 * Replaces an entry's people and answers (a contestant editing before screening, or an organiser
 * re-importing a corrected list). The event stays; a change of event is a withdrawal and a new entry.
 */
export async function updateEntry(tx: Tx, actor: Actor, organisationId: string, entryId: string, request: RegistrationRequest, submission: EntrySubmission, guard: (entry: queries.EntrySummaryRow) => void): Promise<void> {
	const entry = await queries.getEntrySummary(tx, organisationId, entryId, true);
	if (!entry) throw new DomainError('not_found');
	guard(entry);
	if (submission.eventId !== entry.eventId) throw new InvalidInputError('entries_invalid', m.entries_invalid(), { eventId: m.validation_invalid() });
	try {
		const context = await loadContext(tx, organisationId, entry.competitionId, request);
		const before = await queries.listEntryPeople(tx, organisationId, entryId);
		const { shaped, hashes } = await checkSubmissions(tx, organisationId, context, request, [submission], entryId);
		const members = toNewMembers(submission, hashes[0]!);
		await queries.replaceEntryContent(tx, organisationId, entryId, { teamName: shaped[0]!.teamName, unit: shaped[0]!.unit, extra: shaped[0]!.extra });
		await queries.insertMembers(tx, organisationId, entry.competitionId, [{ entryId, eventId: entry.eventId, members }]).catch(raceLost);
		await linkAttachments(tx, organisationId, entryId, attachmentIdsOf(context.fields, shaped[0]!.extra));
		await recordAuditBatch(tx, actor, [{
			action: 'entry.updated',
			subjectType: 'entry',
			subjectId: entryId,
			subjectLabel: entryLabel(submission, shaped[0]!.event.name),
			before: { team: entry.teamName, unit: entry.unit, members: describeMembers(before) },
			after: { team: shaped[0]!.teamName, unit: shaped[0]!.unit, members: describeMembers(members) }
		}], organisationId);
	} catch (error) {
		throw withoutIndex(error);
	}
}
