import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { parseLogin } from '$lib/domain/identity/login';
import { checkboxField, emailField, newPasswordField, passwordField, requiredText, slugField } from './fields';

/** The sign-in form's login: an e-mail address or a mainland mobile number (field name `email`, kept for old forms). */
export const loginField = z
	.string({ error: () => m.validation_required() })
	.trim()
	.min(1, { error: () => m.validation_required() })
	.max(254, { error: () => m.validation_too_long({ max: 254 }) })
	.refine((value) => parseLogin(value) !== null, { error: () => m.registration_login_invalid() });

export const signInSchema = z.object({
	email: loginField,
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
	password: newPasswordField,
	// Issue 17's demo: also build the example organisation, with the new owner as its owner.
	withDemo: checkboxField
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
