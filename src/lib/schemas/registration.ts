import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { parseLogin, type Login } from '$lib/domain/identity/login';
import { EXTRA_FIELD_KINDS } from '$lib/domain/registration/extra-fields';
import { checkboxField, dateField, digitsAsNumber, emptyAsNull, newPasswordField, optionalText, requiredText } from './fields';

/** A contestant's own account: a mainland mobile number or an e-mail address, and a password. */
export const contestantSignUpSchema = z.object({
	displayName: requiredText(100),
	login: z
		.string({ error: () => m.validation_required() })
		.trim()
		.min(1, { error: () => m.validation_required() })
		.max(254, { error: () => m.validation_too_long({ max: 254 }) })
		.transform((value, context): Login => {
			const login = parseLogin(value);
			if (!login || ('email' in login && !z.email().safeParse(login.email).success)) {
				context.addIssue({ code: 'custom', message: m.registration_login_invalid() });
				return z.NEVER;
			}
			return login;
		}),
	password: newPasswordField
});

/** "2026-05-01T18:00" typed in Asia/Shanghai time (a datetime-local field), or empty for no closing time. */
export const shanghaiDateTimeField = z.preprocess(
	emptyAsNull,
	z
		.string({ error: () => m.validation_invalid() })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: () => m.validation_date() })
		.refine((value) => dateField.safeParse(value.slice(0, 10)).success, { error: () => m.validation_date() })
		.transform((value) => new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`))
		.refine((value) => !Number.isNaN(value.getTime()), { error: () => m.validation_date() })
		.nullable()
);

const teamSizeField = z.preprocess(digitsAsNumber, z.number({ error: () => m.validation_whole_number() }).int({ error: () => m.validation_whole_number() }).min(2, { error: () => m.registration_team_size_range() }).max(50, { error: () => m.registration_team_size_range() }));

export const teamSizeSchema = z
	.object({ eventId: z.uuid({ error: () => m.validation_invalid() }), min: teamSizeField, max: teamSizeField })
	.refine((value) => value.max >= value.min, { path: ['max'], error: () => m.registration_team_size_order() });

/** The organiser's registration settings as the API takes them: all four rules, and team sizes when changing them. */
export const registrationSettingsSchema = z
	.object({
		registrationClosesAt: z.union([z.iso.datetime({ offset: true, error: () => m.validation_date() }).transform((value) => new Date(value)), z.null()], { error: () => m.validation_date() }),
		allowMultipleEvents: z.boolean({ error: () => m.validation_invalid() }),
		privacyNotice: optionalText(10000),
		screeningTwoPerson: z.boolean({ error: () => m.validation_invalid() }),
		teamSizes: z.array(teamSizeSchema).max(200).optional()
	})
	.strict()
	.meta({ id: 'RegistrationSettingsPatch' });

/** What the service changes: any of the settings (the rest stay). */
export type RegistrationSettingsPatch = Partial<z.output<typeof registrationSettingsSchema>>;

/** The settings form: the close time as typed in Asia/Shanghai, checkboxes, and team sizes as eventId.min/max. */
export const registrationSettingsFormSchema = z.object({
	registrationClosesAt: shanghaiDateTimeField,
	allowMultipleEvents: checkboxField,
	// Always on the form (maybe empty): a post without it is not this form and must not clear the notice.
	privacyNotice: optionalText(10000),
	screeningTwoPerson: checkboxField
});

export const registrationFieldSchema = z
	.object({
		key: z.string({ error: () => m.validation_required() }).trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: () => m.registration_field_key_invalid() }),
		label: requiredText(100),
		kind: z.enum(EXTRA_FIELD_KINDS as [string, ...string[]], { error: () => m.validation_invalid() }).transform((value) => value as (typeof EXTRA_FIELD_KINDS)[number]),
		options: z.array(requiredText(100)).max(50).default([]),
		required: z.boolean({ error: () => m.validation_invalid() }).default(false)
	})
	.superRefine((value, context) => {
		const choice = value.kind === 'choice' || value.kind === 'multi_choice';
		if (choice && value.options.length === 0) context.addIssue({ code: 'custom', path: ['options'], message: m.registration_field_options_required() });
		if (new Set(value.options).size !== value.options.length) context.addIssue({ code: 'custom', path: ['options'], message: m.registration_field_options_duplicate() });
	})
	.transform((value) => ({ ...value, options: value.kind === 'choice' || value.kind === 'multi_choice' ? value.options : [] }))
	.meta({ id: 'RegistrationField' });

/** The whole list of fields, in order (PUT replaces it). */
export const registrationFieldsSchema = z
	.object({ fields: z.array(registrationFieldSchema).max(50) })
	.superRefine((value, context) => {
		const seen = new Set<string>();
		value.fields.forEach((field, index) => {
			if (seen.has(field.key)) context.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: m.registration_field_key_duplicate() });
			seen.add(field.key);
		});
	})
	.meta({ id: 'RegistrationFields' });

export type RegistrationFieldInput = z.output<typeof registrationFieldSchema>;

export const withdrawSchema = z.object({ reason: optionalText(1000).default('') });

/** What the API answers for the registration settings. */
export const apiRegistrationSettingsSchema = z
	.object({
		registrationClosesAt: z.string().nullable().meta({ description: 'ISO 8601; organisers enter it in Asia/Shanghai time. Null: open until the stage moves on.' }),
		allowMultipleEvents: z.boolean(),
		privacyNotice: z.string(),
		privacyNoticeVersion: z.number().int().meta({ description: 'Raised each time the notice text changes; each consent records the version it accepted.' }),
		screeningTwoPerson: z.boolean(),
		teamSizes: z.array(z.object({ eventId: z.string(), name: z.string(), min: z.number().int(), max: z.number().int() }))
	})
	.meta({ id: 'RegistrationSettings' });

export const apiRegistrationFieldsSchema = z
	.object({
		fields: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(EXTRA_FIELD_KINDS as [string, ...string[]]), options: z.array(z.string()), required: z.boolean(), position: z.number().int() }))
	})
	.meta({ id: 'RegistrationFieldList' });
