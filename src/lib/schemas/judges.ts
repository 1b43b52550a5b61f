import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { CONFLICT_KINDS } from '$lib/domain/conflicts/conflicts';
import { emailField, emptyAsNull, newPasswordField, optionalText, requiredText } from './fields';

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });

/** A mainland mobile (11 digits, 13x–19x), or empty: a judge's phone is optional. Spaces and dashes are dropped. */
const optionalMobile = optionalText(20)
	.transform((value) => value.replace(/[\s-]/g, ''))
	.refine((value) => value === '' || /^1[3-9]\d{9}$/.test(value), { error: () => m.judges_validation_phone() });

export const judgeFieldsSchema = z
	.object({
		name: requiredText(100),
		unit: optionalText(200).default(''),
		phone: optionalMobile.default(''),
		specialty: optionalText(200).default(''),
		email: z.preprocess(emptyAsNull, emailField.nullable()).default(null)
	})
	.meta({ id: 'JudgeFields' });

export const judgeIdFormSchema = z.object({ judgeId: uuidField() });
export const updateJudgeFormSchema = judgeFieldsSchema.extend({ judgeId: uuidField() });

export const panelRoleField = z.enum(['judge', 'head', 'encryption'], { error: () => m.validation_invalid() });

export const panelBodySchema = z
	.object({
		members: z
			.array(z.object({ judgeId: uuidField(), role: panelRoleField }), { error: () => m.validation_invalid() })
			.max(300, { error: () => m.validation_invalid() })
			.meta({ description: 'Every seat of the panel; the panel is replaced as a whole. Exactly one `head` when the panel is not empty.' })
	})
	.meta({ id: 'PanelBody' });

/** The panel form: ticked judges, ticked encryption judges, and the one head judge (radio). */
export const panelFormSchema = z.object({
	// Names the form, so a post that carries none of its fields is refused rather than read as an empty panel.
	form: z.literal('panel', { error: () => m.validation_invalid() }),
	judge: z.array(uuidField()).max(300),
	encryption: z.array(uuidField()).max(300),
	head: z.preprocess((value) => (value === '' ? undefined : value), uuidField().optional())
});

export const conflictKindField = z.enum(CONFLICT_KINDS, { error: () => m.validation_invalid() });

export const declareConflictSchema = z
	.object({ judgeId: uuidField(), entryId: uuidField(), kind: conflictKindField, note: optionalText(500).default('') })
	.meta({ id: 'DeclareConflict' });

/** A judge declaring their own conflict names only the entry. */
export const declareOwnConflictSchema = z.object({ entryId: uuidField(), kind: conflictKindField, note: optionalText(500).default('') });

export const conflictIdFormSchema = z.object({ conflictId: uuidField() });

/** Issuing every judge's code at once is asked for explicitly (the button's field), never by an empty post. */
export const issueAllCodesFormSchema = z.object({ form: z.literal('cards', { error: () => m.validation_invalid() }) });

export const signInCodeFormSchema = z.object({ code: requiredText(40) });

export const judgeInvitationTokenSchema = z.string().regex(/^[a-z2-7]{32}$/);

export const judgeNewAccountSchema = z.object({
	displayName: requiredText(100),
	email: emailField,
	password: newPasswordField
});

/** The socket event `judge:entry` payload. */
export const judgeEntryRequestSchema = z.object({ roundId: z.uuid(), entryId: z.uuid() }).strict();
