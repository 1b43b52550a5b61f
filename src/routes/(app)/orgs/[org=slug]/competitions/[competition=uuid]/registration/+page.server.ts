import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { fieldErrors, parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { getRegistrationSettings, listRegistrationFields, replaceRegistrationFields, updateRegistrationSettings } from '$lib/server/registration/settings-service';
import { registrationFieldSchema, registrationSettingsFormSchema, teamSizeSchema, type RegistrationFieldInput } from '$lib/schemas/registration';
import { m } from '$lib/paraglide/messages.js';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

/** The close time as a datetime-local value in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiInput = (value: Date | null) => (value ? new Date(value.getTime() + 8 * 3600_000).toISOString().slice(0, 16) : '');

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	const [settings, fields] = await Promise.all([getRegistrationSettings(actor, event.params.competition), listRegistrationFields(actor, event.params.competition)]);
	return { settings: { ...settings, closesAtInput: shanghaiInput(settings.registrationClosesAt) }, fields };
}) satisfies PageServerLoad;

const text = (formData: FormData, key: string) => {
	const value = formData.get(key);
	return typeof value === 'string' ? value : '';
};

function rowIndices(formData: FormData, prefix: string): number[] {
	const found = new Set<number>();
	for (const key of formData.keys()) {
		const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(key);
		if (match) found.add(Number(match[1]));
	}
	return [...found].sort((a, b) => a - b);
}

export const actions = {
	settings: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, registrationSettingsFormSchema);
		if (!parsed.ok) return parsed.failure;
		const errors: Record<string, string> = {};
		const teamSizes = rowIndices(parsed.formData, 'teamSizes').flatMap((index) => {
			const size = teamSizeSchema.safeParse({ eventId: text(parsed.formData, `teamSizes.${index}.eventId`), min: text(parsed.formData, `teamSizes.${index}.min`), max: text(parsed.formData, `teamSizes.${index}.max`) });
			if (!size.success) for (const [key, message] of Object.entries(fieldErrors(size.error))) errors[`teamSizes.${index}.${key}`] = message;
			return size.success ? [size.data] : [];
		});
		const values = Object.fromEntries([...parsed.formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		if (Object.keys(errors).length > 0) return fail(400, { values, errors });
		const result = await runAction(parsed.formData, () => updateRegistrationSettings(actor, event.params.competition, { ...parsed.data, teamSizes }));
		return 'teamSizes' in result ? { saved: 'settings' } : result;
	},
	fields: async (event) => {
		const actor = await manager(event);
		const formData = await event.request.formData();
		const values = Object.fromEntries([...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		const errors: Record<string, string> = {};
		const rows: { index: number; order: number; field: RegistrationFieldInput }[] = [];
		const indices = rowIndices(formData, 'fields');
		// The form always sends at least its blank row: a post without rows is not this form and must not remove every field.
		if (indices.length === 0) return fail(400, { values, errors: { form: m.validation_required() } });
		for (const index of indices) {
			const get = (name: string) => text(formData, `fields.${index}.${name}`);
			// The blank row at the end adds a field only when something was typed in it; "remove" drops a row.
			if (get('remove') === 'on' || (get('key').trim() === '' && get('label').trim() === '')) continue;
			const parsed = registrationFieldSchema.safeParse({
				key: get('key'),
				label: get('label'),
				kind: get('kind'),
				options: get('options').split('\n').map((line) => line.trim()).filter(Boolean),
				required: get('required') === 'on'
			});
			if (!parsed.success) for (const [key, message] of Object.entries(fieldErrors(parsed.error))) errors[`fields.${index}.${key}`] = message;
			else rows.push({ index, order: Number(get('order')) || index + 1, field: parsed.data });
		}
		const seen = new Map<string, number>();
		for (const row of rows) {
			if (seen.has(row.field.key)) errors[`fields.${row.index}.key`] = m.registration_field_key_duplicate();
			seen.set(row.field.key, row.index);
		}
		if (Object.keys(errors).length > 0) return fail(400, { values, errors: { form: m.entries_invalid(), ...errors } });
		rows.sort((first, second) => first.order - second.order || first.index - second.index);
		const result = await runAction(formData, () => replaceRegistrationFields(actor, event.params.competition, rows.map((row) => row.field)));
		return Array.isArray(result) ? { saved: 'fields' } : result;
	}
} satisfies Actions;
