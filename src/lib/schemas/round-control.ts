import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { requiredText } from './fields';

const uuidField = () => z.uuid({ error: () => m.validation_invalid() });
const componentKeyField = z
	.string({ error: () => m.validation_required() })
	.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => m.validation_invalid() })
	.meta({ description: 'The `judges` component of the scheme the sheet belongs to.' });

/** Which sheet: one judge's sheet for one entry in one judges component of the round. */
export const sheetTargetSchema = z.object({ judgeId: uuidField(), entryId: uuidField(), componentKey: componentKeyField });

/** Returning a submitted sheet to its judge, or unlocking a locked one: always with a reason the judge sees. */
export const sheetReasonBodySchema = sheetTargetSchema.extend({ reason: requiredText(1000) }).meta({ id: 'SheetReasonBody' });

export const absenceTargetSchema = z.object({ judgeId: uuidField(), entryId: uuidField() }).meta({ id: 'AbsenceTarget' });
export const absenceBodySchema = absenceTargetSchema.extend({ reason: requiredText(500) }).meta({ id: 'AbsenceBody' });

export const deviceIdFormSchema = z.object({ deviceId: uuidField() });

/** The sign-off form names itself, so a post that is not it (or carries stray fields) is refused. */
export const signOffFormSchema = z.strictObject({ form: z.literal('sign_off', { error: () => m.validation_invalid() }) });
