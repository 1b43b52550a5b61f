import { z } from 'zod';
import { checkboxField, emailField, newPasswordField, requiredText, roleField, slugField } from './fields';

/** An empty optional field in a form arrives as "" and means "not given". */
const optionalNewPassword = z.preprocess((value) => (value === '' ? undefined : value), newPasswordField.optional());

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
