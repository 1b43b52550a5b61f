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

export const addMemberSchema = z.object({
	email: emailField,
	displayName: requiredText(100),
	password: optionalNewPassword,
	role: roleField
});

export const changeMemberRoleSchema = z.object({
	userId: z.uuid(),
	role: roleField
});

export const removeMemberSchema = z.object({ userId: z.uuid() });
