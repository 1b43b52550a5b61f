import type { Db } from '../db/client';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { ExtraValue } from '$lib/domain/registration/extra-fields';
import type { ScreeningDecision } from '$lib/domain/screening/decisions';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';

export interface ScreeningCompetition {
	id: string;
	title: string;
	status: CompetitionStatus;
	screeningTwoPerson: boolean;
}

export interface EntryForDecision {
	id: string;
	competitionId: string;
	eventId: string;
	eventName: string;
	status: EntryStatus;
	statusReason: string;
	teamName: string | null;
	unit: string;
	label: string;
	createdAt: Date;
}

export interface EntryDetailRow extends EntryForDecision {
	source: string;
	extra: Record<string, ExtraValue>;
	consentedAt: Date | null;
	consentVersion: number | null;
	updatedAt: Date;
}

export interface DecisionRow {
	id: string;
	entryId: string;
	reviewerId: string | null;
	reviewerLabel: string;
	decision: ScreeningDecision;
	reason: string;
	counted: boolean;
	createdAt: Date;
}

export interface AttachmentRow {
	id: string;
	fieldKey: string;
	originalName: string;
	contentType: string;
	sizeBytes: number;
}

export async function getScreeningCompetition(db: Db, organisationId: string, competitionId: string, lock = false): Promise<ScreeningCompetition | undefined> {
	const [row] = await db<ScreeningCompetition[]>`
		select id, title, status, screening_two_person from competition
		where organisation_id = ${organisationId} and id = ${competitionId} ${lock ? db`for update` : db``}`;
	return row;
}

export async function setScreeningTwoPerson(db: Db, organisationId: string, competitionId: string, twoPerson: boolean): Promise<void> {
	await db`update competition set screening_two_person = ${twoPerson}, updated_at = now() where organisation_id = ${organisationId} and id = ${competitionId}`;
}

const ENTRY_COLUMNS = (db: Db) => db`
	e.id, e.competition_id, e.event_id, ev.name as event_name, e.status, e.status_reason, e.team_name, e.unit, e.created_at,
	coalesce(e.team_name, (select name from entry_member m where m.organisation_id = e.organisation_id and m.entry_id = e.id order by position limit 1)) as label`;

/** The entries a decision is about, locked for the transaction, in order of arrival. */
export function listEntriesForDecision(db: Db, organisationId: string, entryIds: string[]): Promise<EntryForDecision[]> {
	if (entryIds.length === 0) return Promise.resolve([]);
	return db<EntryForDecision[]>`
		select ${ENTRY_COLUMNS(db)} from entry e join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		where e.organisation_id = ${organisationId} and e.id = any(${entryIds}::uuid[]) order by e.arrival for update of e`;
}

export async function getEntryDetail(db: Db, organisationId: string, entryId: string): Promise<EntryDetailRow | undefined> {
	const [row] = await db<EntryDetailRow[]>`
		select ${ENTRY_COLUMNS(db)}, e.source, e.extra, e.consented_at, e.consent_version, e.updated_at
		from entry e join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		where e.organisation_id = ${organisationId} and e.id = ${entryId}`;
	return row;
}

export function listEntryAttachments(db: Db, organisationId: string, entryId: string): Promise<AttachmentRow[]> {
	return db<AttachmentRow[]>`
		select id, field_key, original_name, content_type, size_bytes from attachment
		where organisation_id = ${organisationId} and entry_id = ${entryId} order by created_at`;
}

export function listDecisions(db: Db, organisationId: string, entryIds: string[]): Promise<DecisionRow[]> {
	if (entryIds.length === 0) return Promise.resolve([]);
	return db<DecisionRow[]>`
		select id, entry_id, reviewer_id, reviewer_label, decision, reason, counted, created_at from screening_decision
		where organisation_id = ${organisationId} and entry_id = any(${entryIds}::uuid[]) order by created_at, id`;
}

export async function insertDecisions(db: Db, organisationId: string, rows: { entryId: string; decision: ScreeningDecision; reason: string }[], reviewer: { id: string; label: string }): Promise<void> {
	if (rows.length === 0) return;
	await db`
		insert into screening_decision (organisation_id, entry_id, reviewer_id, reviewer_label, decision, reason)
		select ${organisationId}, entry_id, ${reviewer.id}, ${reviewer.label}, decision, reason
		from unnest(${rows.map((row) => row.entryId)}::uuid[], ${rows.map((row) => row.decision)}::text[], ${rows.map((row) => row.reason)}::text[]) as input(entry_id, decision, reason)`;
}

/** Earlier decisions stop counting: after a rejection or a reconsideration approvals start afresh. */
export async function uncountDecisions(db: Db, organisationId: string, entryIds: string[]): Promise<void> {
	if (entryIds.length === 0) return;
	await db`update screening_decision set counted = false where organisation_id = ${organisationId} and entry_id = any(${entryIds}::uuid[]) and counted`;
}

/** The sealed ID numbers and full phones of an entry's people, for an organiser who asks (audited by the caller). */
export function listMemberSecrets(db: Db, organisationId: string, entryId: string): Promise<{ position: number; name: string; idNumberCipher: string; idNumberMasked: string; phone: string }[]> {
	return db<{ position: number; name: string; idNumberCipher: string; idNumberMasked: string; phone: string }[]>`
		select position, name, id_number_cipher, id_number_masked, phone from entry_member
		where organisation_id = ${organisationId} and entry_id = ${entryId} order by position`;
}

export async function listScreeningReasons(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db<{ text: string }[]>`select text from screening_reason where organisation_id = ${organisationId} order by position`;
	return rows.map((row) => row.text);
}

export async function replaceScreeningReasons(db: Db, organisationId: string, reasons: string[]): Promise<void> {
	await db`delete from screening_reason where organisation_id = ${organisationId}`;
	if (reasons.length === 0) return;
	await db`
		insert into screening_reason (organisation_id, text, position)
		select ${organisationId}, text, ordinal - 1 from unnest(${reasons}::text[]) with ordinality as input(text, ordinal)`;
}
