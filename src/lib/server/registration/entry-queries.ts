import type { Db } from '../db/client';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { ExtraFieldDefinition, ExtraValue } from '$lib/domain/registration/extra-fields';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

export type EntrySource = 'self' | 'import' | 'api' | 'organiser' | 'recommendation';

export interface RegistrationCompetition {
	id: string;
	title: string;
	kind: 'skills_contest' | 'craftsman_award';
	status: CompetitionStatus;
	registrationClosesAt: Date | null;
	allowMultipleEvents: boolean;
	privacyNoticeVersion: number;
}

export interface RegistrationEvent {
	id: string;
	name: string;
	participation: 'individual' | 'team';
	capacity: number | null;
	teamMinMembers: number;
	teamMaxMembers: number;
}

export interface NewMember {
	position: number;
	name: string;
	gender: 'female' | 'male';
	idType: string;
	idNumberCipher: string;
	idNumberHash: string;
	idNumberMasked: string;
	birthDate: string | null;
	phone: string;
	unit: string;
	trade: string;
	level: string | null;
}

export interface NewEntry {
	/** Made by the caller (crypto.randomUUID), so members can be sent with their entry. */
	id: string;
	eventId: string;
	teamName: string | null;
	unit: string;
	status: EntryStatus;
	extra: Record<string, ExtraValue>;
	members: NewMember[];
}

export interface EntrySummaryRow {
	id: string;
	eventId: string;
	status: EntryStatus;
	statusReason: string;
	teamName: string | null;
	unit: string;
	createdAt: Date;
}

/** Locks the competition for the transaction: registrations of one competition are checked one at a time. */
export async function lockRegistrationCompetition(db: Db, organisationId: string, competitionId: string): Promise<RegistrationCompetition | undefined> {
	const [row] = await db<RegistrationCompetition[]>`
		select id, title, kind, status, registration_closes_at, allow_multiple_events, privacy_notice_version
		from competition where organisation_id = ${organisationId} and id = ${competitionId} for update`;
	return row;
}

export function listRegistrationEvents(db: Db, organisationId: string, competitionId: string): Promise<RegistrationEvent[]> {
	return db<RegistrationEvent[]>`
		select id, name, participation, capacity, team_min_members, team_max_members from event
		where organisation_id = ${organisationId} and competition_id = ${competitionId} order by position`;
}

export function listExtraFieldDefinitions(db: Db, organisationId: string, competitionId: string): Promise<ExtraFieldDefinition[]> {
	return db<ExtraFieldDefinition[]>`
		select key, label, kind, options, required from registration_field
		where organisation_id = ${organisationId} and competition_id = ${competitionId} order by position`;
}

/** People already entered (active) in the competition among these hashes: who, in which event, which entry. */
/** Who is entered where: one active person of an entry. */
export interface ActiveMember {
	idNumberHash: string;
	eventId: string;
	entryId: string;
}

/** The competition's active members with these ID-number hashes, or all of them (what an import matches its list against). */
export function findActiveMembers(db: Db, organisationId: string, competitionId: string, hashes?: string[]): Promise<ActiveMember[]> {
	if (hashes?.length === 0) return Promise.resolve([]);
	return db<ActiveMember[]>`
		select id_number_hash, event_id, entry_id from entry_member
		where organisation_id = ${organisationId} and competition_id = ${competitionId} and active
			${hashes ? db`and id_number_hash = any(${hashes}::text[])` : db``}`;
}

/** Places held (submitted + approved) and entries waiting, per event of the competition. */
export function countPlaces(db: Db, organisationId: string, competitionId: string): Promise<{ eventId: string; taken: number; waiting: number }[]> {
	return db<{ eventId: string; taken: number; waiting: number }[]>`
		select event_id, count(*) filter (where status in ('submitted', 'approved'))::int as taken,
			count(*) filter (where status = 'waitlisted')::int as waiting
		from entry where organisation_id = ${organisationId} and competition_id = ${competitionId} group by event_id`;
}

/**
 * Inserts entries (ids made by the caller) and their members. Both statements are sent without waiting
 * for the first to finish: on one connection they run in order, while the caller prepares the next batch.
 * The waiting list's order (`arrival`) follows the order of the list and of the calls. Only inside a
 * transaction: on a pool the two statements could take two connections and the members arrive first.
 */
export async function insertEntries(
	db: Db,
	organisationId: string,
	competitionId: string,
	fields: { registrantId: string | null; source: EntrySource; consentVersion: number | null },
	entries: NewEntry[]
): Promise<EntrySummaryRow[]> {
	if (entries.length === 0) return [];
	const rows = entries.map((entry) => ({ id: entry.id, event_id: entry.eventId, team_name: entry.teamName, unit: entry.unit, status: entry.status, extra: entry.extra }));
	const inserted = db<EntrySummaryRow[]>`
		insert into entry (id, organisation_id, competition_id, event_id, registrant_id, team_name, unit, status, source, extra, consented_at, consent_version)
		select id, ${organisationId}, ${competitionId}, event_id, ${fields.registrantId}, team_name, unit, status, ${fields.source}, extra::jsonb,
			${fields.consentVersion === null ? null : db`now()`}, ${fields.consentVersion}
		from rows from (json_to_recordset(${JSON.stringify(rows)}::text::json) as (id uuid, event_id uuid, team_name text, unit text, status text, extra json))
			with ordinality as input(id, event_id, team_name, unit, status, extra, ordinal)
		order by ordinal
		returning id, event_id, status, status_reason, team_name, unit, created_at`.execute();
	const members = insertMembers(db, organisationId, competitionId, entries.map((entry) => ({ entryId: entry.id, eventId: entry.eventId, members: entry.members })));
	const [returned] = await Promise.all([inserted, members]);
	// RETURNING's order is not promised: answer in the order asked.
	const byId = new Map(returned.map((row) => [row.id, row]));
	return entries.map((entry) => byId.get(entry.id)!);
}

export async function insertMembers(db: Db, organisationId: string, competitionId: string, groups: { entryId: string; eventId: string; members: NewMember[] }[]): Promise<void> {
	const flat = groups.flatMap((group) => group.members.map((member) => ({ ...member, entryId: group.entryId, eventId: group.eventId })));
	if (flat.length === 0) return;
	// One JSON parameter rather than fourteen arrays: PostgreSQL parses JSON faster than postgres.js
	// escapes each element of each text array (a tenth of an import's time went to that escaping).
	const rows = flat.map((member) => ({
		entry_id: member.entryId,
		event_id: member.eventId,
		position: member.position,
		name: member.name,
		gender: member.gender,
		id_type: member.idType,
		id_number_cipher: member.idNumberCipher,
		id_number_hash: member.idNumberHash,
		id_number_masked: member.idNumberMasked,
		birth_date: member.birthDate,
		phone: member.phone,
		unit: member.unit,
		trade: member.trade,
		level: member.level
	}));
	await db`
		insert into entry_member (organisation_id, competition_id, entry_id, event_id, position, name, gender, id_type,
			id_number_cipher, id_number_hash, id_number_masked, birth_date, phone, unit, trade, level)
		select ${organisationId}, ${competitionId}, input.* from json_to_recordset(${JSON.stringify(rows)}::text::json) as input(
			entry_id uuid, event_id uuid, position int, name text, gender text, id_type text, id_number_cipher text, id_number_hash text,
			id_number_masked text, birth_date date, phone text, unit text, trade text, level text)`;
}

export async function getEntrySummary(db: Db, organisationId: string, entryId: string, lock = false): Promise<(EntrySummaryRow & { competitionId: string; registrantId: string | null }) | undefined> {
	const [row] = await db<(EntrySummaryRow & { competitionId: string; registrantId: string | null })[]>`
		select id, competition_id, event_id, registrant_id, status, status_reason, team_name, unit, created_at from entry
		where organisation_id = ${organisationId} and id = ${entryId} ${lock ? db`for update` : db``}`;
	return row;
}

export async function replaceEntryContent(db: Db, organisationId: string, entryId: string, fields: { teamName: string | null; unit: string; extra: Record<string, ExtraValue> }): Promise<void> {
	await db`
		update entry set team_name = ${fields.teamName}, unit = ${fields.unit}, extra = ${db.json(fields.extra as never)}, updated_at = now()
		where organisation_id = ${organisationId} and id = ${entryId}`;
	await db`delete from entry_member where organisation_id = ${organisationId} and entry_id = ${entryId}`;
}

/** Sets a status; leaving the event (withdrawn) frees the people to register again. */
export async function setEntryStatus(db: Db, organisationId: string, entryIds: string[], status: EntryStatus, reason: string): Promise<void> {
	if (entryIds.length === 0) return;
	await db`update entry set status = ${status}, status_reason = ${reason}, updated_at = now() where organisation_id = ${organisationId} and id = any(${entryIds}::uuid[])`;
	await db`update entry_member set active = ${status !== 'withdrawn'} where organisation_id = ${organisationId} and entry_id = any(${entryIds}::uuid[])`;
}

/** The earliest waiting entries of an event, first come first served. */
export function listWaitlisted(db: Db, organisationId: string, eventId: string, limit: number): Promise<{ id: string; label: string }[]> {
	return db<{ id: string; label: string }[]>`
		select e.id, coalesce(e.team_name, (select name from entry_member where entry_id = e.id order by position limit 1)) as label
		from entry e where e.organisation_id = ${organisationId} and e.event_id = ${eventId} and e.status = 'waitlisted'
		order by e.arrival limit ${limit}`;
}

export function listEntryPeople(db: Db, organisationId: string, entryId: string): Promise<{ name: string; idNumberMasked: string; phone: string; unit: string }[]> {
	return db<{ name: string; idNumberMasked: string; phone: string; unit: string }[]>`
		select name, id_number_masked, phone, unit from entry_member
		where organisation_id = ${organisationId} and entry_id = ${entryId} order by position`;
}
