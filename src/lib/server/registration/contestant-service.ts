import { m } from '$lib/paraglide/messages.js';
import { contestantMayChange } from '$lib/domain/registration/places';
import { entrySubmissionSchema } from '$lib/schemas/entry';
import { db } from '../db/client';
import { DomainError, InvalidInputError } from '../domain-error';
import type { Actor } from '../auth/actor';
import { describeDomainError } from '../http/errors';
import { fieldErrors } from '../http/forms';
import { decryptText } from '../crypto/personal-data';
import { getEntrySummary, lockRegistrationCompetition } from './entry-queries';
import { registerEntry, updateEntry } from './register';
import { withdrawEntryInTx } from './places';
import { storeAttachment } from './attachments';
import { listAttachmentNames } from './attachment-queries';
import { getEntryOfRegistrant, listEntriesOfRegistrant, listMembersOfRegistrantEntry, type MyEntryRow } from './contestant-queries';
import { readEntryForm, reshapeMembers, type FormValues } from './entry-form';
import { loadRegistrationFrame } from './public-service';

export interface EntryFormState {
	values: FormValues;
	errors: Record<string, string>;
	memberCount: number;
	/** Files already uploaded for each file field (kept across a failed submit). */
	attachments: Record<string, { id: string; name: string }[]>;
}

export type EntryFormOutcome = { ok: true; entryId: string } | { ok: false; status: number; state: EntryFormState };

function messageOf(error: unknown): { status: number; errors: Record<string, string> } {
	if (error instanceof InvalidInputError) return { status: 400, errors: { form: error.summary, ...error.fields } };
	if (error instanceof DomainError) {
		const { status, message } = describeDomainError(error);
		return { status, errors: { [error.field ?? 'form']: message } };
	}
	throw error;
}

async function attachmentNames(actor: Actor, organisationId: string, extra: Record<string, string | string[]>, fileKeys: string[]): Promise<EntryFormState['attachments']> {
	const ids = fileKeys.flatMap((key) => (Array.isArray(extra[key]) ? (extra[key] as string[]) : [])).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
	const rows = await listAttachmentNames(db(), organisationId, ids, actor.user.id);
	const byKey: EntryFormState['attachments'] = {};
	for (const row of rows) (byKey[row.fieldKey] ??= []).push({ id: row.id, name: row.originalName });
	return byKey;
}

/**
 * A contestant's registration form, posted: new files stored first (so nothing chosen is lost when a
 * field is wrong), then every field checked at once, then the entry registered (or, for `entryId`,
 * replaced) under every rule of the registration core.
 */
export async function submitEntryForm(actor: Actor, slug: string, eventId: string, formData: FormData, entryId: string | null = null): Promise<EntryFormOutcome> {
	const frame = await loadRegistrationFrame(slug, eventId);
	const { competition, event, fields } = frame;
	const input = readEntryForm(formData, event, fields);
	const fileKeys = fields.filter((field) => field.kind === 'file').map((field) => field.key);
	const failure = async (status: number, errors: Record<string, string>, shape = { values: input.values, memberCount: input.memberCount }): Promise<EntryFormOutcome> => ({
		ok: false,
		status,
		state: { ...shape, errors, attachments: await attachmentNames(actor, competition.organisationId, input.raw.extra, fileKeys) }
	});
	if (input.intent === 'add_member' || input.intent === 'remove_member') return failure(200, {}, reshapeMembers(input, event));
	if (!frame.registrationOpen) return failure(409, { form: m.entries_error_registration_closed() });

	const errors: Record<string, string> = {};
	for (const { key, file } of input.files) {
		try {
			const stored = await storeAttachment(actor, { organisationId: competition.organisationId, id: competition.id }, key, file);
			// The echoed values share this list: the form shows the stored file from now on.
			(input.raw.extra[key] as string[]).push(stored.id);
		} catch (error) {
			Object.assign(errors, { [`extra.${key}`]: Object.values(messageOf(error).errors)[0]! });
		}
	}
	const parsed = entrySubmissionSchema.safeParse(input.raw);
	if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
	if (!input.consent) errors.consent = m.entries_error_consent_required();
	if (Object.keys(errors).length > 0 || !parsed.success) return failure(400, { form: m.entries_invalid(), ...errors });

	const request = { source: 'self' as const, registrantId: actor.user.id, consentVersion: competition.privacyNoticeVersion };
	try {
		const id = await db().begin(async (tx) => {
			if (!entryId) return (await registerEntry(tx, actor, competition.organisationId, competition.id, request, parsed.data)).id;
			await updateEntry(tx, actor, competition.organisationId, entryId, request, parsed.data, (entry) => {
				if ((entry as { registrantId?: string | null }).registrantId !== actor.user.id) throw new DomainError('not_found');
				if (!contestantMayChange(entry.status, competition.status)) throw new DomainError('entry_locked');
			});
			return entryId;
		});
		return { ok: true, entryId: id };
	} catch (error) {
		const { status, errors: problems } = messageOf(error);
		return failure(status, problems);
	}
}

export interface MyEntry extends MyEntryRow {
	mayChange: boolean;
}

export async function listMyEntries(actor: Actor): Promise<MyEntry[]> {
	const rows = await listEntriesOfRegistrant(db(), actor.user.id);
	return rows.map((row) => ({ ...row, mayChange: contestantMayChange(row.status, row.competitionStatus) }));
}

/** The edit form of the contestant's own entry, filled with what they entered (their own ID numbers included). */
export async function loadMyEntryForEdit(actor: Actor, entryId: string): Promise<{ entry: MyEntry; state: EntryFormState }> {
	const entry = await getEntryOfRegistrant(db(), entryId, actor.user.id);
	if (!entry) throw new DomainError('not_found');
	if (!contestantMayChange(entry.status, entry.competitionStatus)) throw new DomainError('entry_locked');
	const members = await listMembersOfRegistrantEntry(db(), entryId, actor.user.id);
	const values: FormValues = { teamName: entry.teamName ?? '', unit: entry.unit };
	for (const member of members) {
		const prefix = `members.${member.position}.`;
		Object.assign(values, {
			[`${prefix}name`]: member.name,
			[`${prefix}gender`]: member.gender,
			[`${prefix}idType`]: member.idType,
			[`${prefix}idNumber`]: decryptText(member.idNumberCipher),
			[`${prefix}phone`]: member.phone,
			[`${prefix}unit`]: member.unit,
			[`${prefix}trade`]: member.trade,
			[`${prefix}level`]: member.level ?? ''
		});
	}
	const extra: Record<string, string | string[]> = {};
	for (const [key, value] of Object.entries(entry.extra)) extra[key] = Array.isArray(value) ? value : String(value);
	for (const [key, value] of Object.entries(extra)) values[`extra.${key}`] = value;
	values.consent = 'on';
	const attachments = await attachmentNames(actor, entry.organisationId, extra, Object.keys(extra));
	return { entry: { ...entry, mayChange: true }, state: { values, errors: {}, memberCount: Math.max(1, members.length), attachments } };
}

/** Withdraws the contestant's own entry before screening starts; its place goes to the waiting list. */
export async function withdrawMyEntry(actor: Actor, entryId: string, reason: string): Promise<void> {
	const mine = await getEntryOfRegistrant(db(), entryId, actor.user.id);
	if (!mine) throw new DomainError('not_found');
	await db().begin(async (tx) => {
		const competition = await lockRegistrationCompetition(tx, mine.organisationId, mine.competitionId);
		const entry = await getEntrySummary(tx, mine.organisationId, entryId, true);
		if (!competition || !entry) throw new DomainError('not_found');
		if (!contestantMayChange(entry.status, competition.status)) throw new DomainError('entry_locked');
		await withdrawEntryInTx(tx, actor, mine.organisationId, entry, reason, `${mine.teamName ?? mine.personName}（${mine.eventName}）`);
	});
}
