import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { emailField, newPasswordField, passwordField, requiredText, slugField } from './fields';

export const signInSchema = z.object({
	email: emailField,
	password: passwordField,
	redirectTo: z.string().optional()
});

export const signUpSchema = z.object({
	displayName: requiredText(100),
	email: emailField,
	password: newPasswordField
});

export const setupSchema = z.object({
	organisationName: requiredText(100),
	organisationSlug: slugField,
	displayName: requiredText(100),
	email: emailField,
	password: newPasswordField
});

export const changePasswordSchema = z
	.object({
		currentPassword: passwordField,
		newPassword: newPasswordField,
		confirmPassword: z.string()
	})
	.refine((value) => value.newPassword === value.confirmPassword, {
		path: ['confirmPassword'],
		error: () => m.validation_passwords_differ()
	});
