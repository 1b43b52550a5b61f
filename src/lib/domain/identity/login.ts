/**
 * What a person types to sign in: a mainland mobile number (contestants sign up with their phone) or an
 * e-mail address. Pure, shared by the sign-in form's schema and the sign-in service.
 */

const MOBILE = /^1[3-9]\d{9}$/;
// Deliberately loose: the address was checked properly when the account was made.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type Login = { phone: string } | { email: string };

/** A mobile number with spaces, dashes or +86 removed; otherwise a lower-cased e-mail address; else null. */
export function parseLogin(raw: string): Login | null {
	const text = raw.trim();
	const digits = text.replace(/[\s-]/g, '').replace(/^\+?86/, '');
	if (MOBILE.test(digits)) return { phone: digits };
	const email = text.toLowerCase();
	return EMAIL.test(email) && email.length <= 254 ? { email } : null;
}
