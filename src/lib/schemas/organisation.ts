import { z } from 'zod';
import { checkboxField, emailField, emptyAsUndefined, newPasswordField, requiredText, roleField, slugField } from './fields';

const optionalNewPassword = z.preprocess(emptyAsUndefined, newPasswordField.optional());

export const createOrganisationSchema = z.object({
	name: requiredText(100),
	slug: slugField,
	ownerEmail: emailField,
	ownerDisplayName: requiredText(100),
	ownerPassword: optionalNewPassword
});

export const organisationSettingsSchema = z.object({
	name: requiredText(100),
	allowSignUp: checkboxField
});

/** Adding a member by e-mail is always an invitation the person accepts. */
export const inviteMemberSchema = z.object({
	email: emailField,
	role: roleField
});

export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });

/** Secret of an invitation link: as generated (base32, 160 bits); anything else is simply unknown. */
export const invitationTokenSchema = z.string().regex(/^[a-z2-7]{32}$/);

export const acceptWithNewAccountSchema = z.object({
	displayName: requiredText(100),
	password: newPasswordField
});

export const changeMemberRoleSchema = z.object({
	userId: z.uuid(),
	role: roleField
});

export const removeMemberSchema = z.object({ userId: z.uuid() });
