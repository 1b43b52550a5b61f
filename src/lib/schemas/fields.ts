import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { SLUG_PATTERN } from './slug';

// Messages are functions so they are translated when a form is checked, in the asker's language.

// PostgreSQL refuses NUL in text, and other control characters have no place in a name. A lone UTF-16
// surrogate ("ev\ud800") cannot be encoded as UTF-8: PostgreSQL refuses it in jsonb (audit rows).
// Tab, line feed and carriage return stay allowed (descriptions have several lines).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isPlainText = (value: string) => !UNWANTED_CHARACTERS.test(value);

/** Every free text a person or system sends is built on this: no control characters, no lone surrogates. */
export const plainText = () => z.string({ error: () => m.validation_invalid() }).refine(isPlainText, { error: () => m.http_text_invalid_characters() });

export const requiredText = (max: number) =>
	z
		.string({ error: () => m.validation_required() })
		.trim()
		.min(1, { error: () => m.validation_required() })
		.max(max, { error: () => m.validation_too_long({ max }) })
		.refine(isPlainText, { error: () => m.http_text_invalid_characters() });

export const optionalText = (max: number) =>
	plainText()
		.trim()
		.max(max, { error: () => m.validation_too_long({ max }) });

const YEARS = { from: 1900, until: 2200 };

/** A calendar date (YYYY-MM-DD) within years PostgreSQL and people both handle sensibly. */
export const dateField = z
	.iso.date({ error: () => m.validation_date() })
	.refine((value) => {
		const year = Number(value.slice(0, 4));
		return year >= YEARS.from && year <= YEARS.until;
	}, { error: () => m.http_date_out_of_range(YEARS) });

/**
 * Form fields arrive as text: only a string of decimal digits becomes a number. Not `z.coerce.number()`,
 * which takes `true` as 1, `"0x10"` as 16 and `" "` as 0. Anything else goes on unchanged for the
 * number schema that follows to refuse.
 */
export const digitsAsNumber = (value: unknown) => (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value);

export const emailField = z
	.string({ error: () => m.validation_required() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.validation_required() })
	.max(254, { error: () => m.validation_too_long({ max: 254 }) })
	.pipe(z.email({ error: () => m.validation_email() }));

/** A new password: long rather than clever (NIST 800-63B); no composition rules. */
export const newPasswordField = z
	.string({ error: () => m.validation_required() })
	.min(1, { error: () => m.validation_required() })
	.min(10, { error: () => m.validation_password_short() })
	.max(200, { error: () => m.validation_password_long() })
	.refine(isPlainText, { error: () => m.http_text_invalid_characters() });

/** A password being checked: any non-empty string (old accounts may predate today's rules). */
export const passwordField = z
	.string({ error: () => m.validation_required() })
	.min(1, { error: () => m.validation_required() })
	.max(200, { error: () => m.validation_password_long() });

export const slugField = z
	.string({ error: () => m.validation_required() })
	.trim()
	.min(1, { error: () => m.validation_required() })
	.regex(SLUG_PATTERN, { error: () => m.validation_slug() });

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
export const checkboxField = z
	.union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
	.optional()
	.transform((value) => value === 'on' || value === 'true' || value === true);

export const roleField = z.enum(['owner', 'organiser', 'contestant'], { error: () => m.validation_role() });

export const localeField = z.enum(['zh-CN', 'en'], { error: () => m.validation_invalid() });

/** An empty form field means "not given": optional fields read "" as undefined (or null where stored as null). */
export const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
export const emptyAsNull = (value: unknown) => (value === '' || value === undefined ? null : value);
