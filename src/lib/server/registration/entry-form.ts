import type { ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';
import type { RegistrationEvent } from './entry-queries';

/**
 * The registration form as posted (plain HTML, works without scripts): `members.<n>.<field>`,
 * `teamName`, `unit`, `extra.<key>` (repeated for multiple choice and kept attachments), `file.<key>`
 * for new files, `consent`, and an `intent` to add or remove a team member without submitting.
 */

const MEMBER_FIELDS = ['name', 'gender', 'idType', 'idNumber', 'phone', 'unit', 'trade', 'level'] as const;

export type FormValues = Record<string, string | string[]>;

export interface EntryFormInput {
	/** What the entry schema reads. */
	raw: { eventId: string; teamName: string; unit: string; members: Record<string, string>[]; extra: Record<string, string | string[]> };
	consent: boolean;
	/** 'add_member', 'remove_member' or '' (submit). */
	intent: string;
	removeIndex: number;
	/** What was typed, to fill the form again (never files). */
	values: FormValues;
	memberCount: number;
	files: { key: string; file: File }[];
}

const text = (formData: FormData, key: string) => {
	const value = formData.get(key);
	return typeof value === 'string' ? value : '';
};

function countMembers(formData: FormData): number {
	let highest = -1;
	for (const key of formData.keys()) {
		const match = /^members\.(\d{1,2})\./.exec(key);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	return highest + 1;
}

export function readEntryForm(formData: FormData, event: RegistrationEvent, fields: ExtraFieldDefinition[]): EntryFormInput {
	const team = event.participation === 'team';
	const memberCount = team ? Math.min(event.teamMaxMembers, Math.max(1, countMembers(formData))) : 1;
	const members = Array.from({ length: memberCount }, (_, index) => Object.fromEntries(MEMBER_FIELDS.map((field) => [field, text(formData, `members.${index}.${field}`)])));
	const extra: Record<string, string | string[]> = {};
	const files: { key: string; file: File }[] = [];
	for (const field of fields) {
		const name = `extra.${field.key}`;
		if (field.kind === 'multi_choice' || field.kind === 'file') extra[field.key] = formData.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');
		else extra[field.key] = text(formData, name);
		if (field.kind === 'file') {
			for (const value of formData.getAll(`file.${field.key}`)) if (value instanceof File && value.size > 0) files.push({ key: field.key, file: value });
		}
	}
	const values: FormValues = { teamName: text(formData, 'teamName'), unit: text(formData, 'unit') };
	members.forEach((member, index) => {
		for (const field of MEMBER_FIELDS) values[`members.${index}.${field}`] = member[field]!;
	});
	for (const [key, value] of Object.entries(extra)) values[`extra.${key}`] = value;
	if (formData.get('consent')) values.consent = 'on';
	const intentValue = text(formData, 'intent');
	const [intent = '', index = ''] = intentValue.split(':');
	return {
		raw: { eventId: event.id, teamName: values.teamName as string, unit: values.unit as string, members, extra },
		consent: formData.get('consent') === 'on',
		intent,
		removeIndex: Number(index),
		values,
		memberCount,
		files
	};
}

/** The form after "add a member" or "remove member n": the same values, one block more or fewer. */
export function reshapeMembers(input: EntryFormInput, event: RegistrationEvent): { values: FormValues; memberCount: number } {
	if (input.intent === 'add_member') return { values: input.values, memberCount: Math.min(event.teamMaxMembers, input.memberCount + 1) };
	if (input.intent !== 'remove_member' || !Number.isInteger(input.removeIndex) || input.memberCount <= 1) return { values: input.values, memberCount: input.memberCount };
	const values: FormValues = {};
	for (const [key, value] of Object.entries(input.values)) {
		const match = /^members\.(\d+)\.(.+)$/.exec(key);
		if (!match) values[key] = value;
		else if (Number(match[1]) < input.removeIndex) values[key] = value;
		else if (Number(match[1]) > input.removeIndex) values[`members.${Number(match[1]) - 1}.${match[2]}`] = value;
	}
	return { values, memberCount: input.memberCount - 1 };
}
