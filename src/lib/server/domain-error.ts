/**
 * An expected business failure with a stable code. `lib/server/http/errors.ts` maps each code to an
 * HTTP status and a translated message in one place; services only say what went wrong.
 */
export class DomainError extends Error {
	constructor(
		readonly code: DomainErrorCode,
		readonly details: Record<string, string | number> = {},
		/** The form field the failure belongs to, when there is one. */
		readonly field?: string
	) {
		super(code);
		this.name = 'DomainError';
	}
}

export type DomainErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'invalid_credentials'
	| 'sign_in_locked'
	| 'wrong_current_password'
	| 'email_taken'
	| 'slug_taken'
	| 'setup_already_done'
	| 'sign_up_closed'
	| 'last_owner'
	| 'already_member'
	| 'invalid_api_token'
	| 'password_required'
	| 'structure_frozen'
	| 'competition_closed'
	| 'lifecycle_blocked'
	| 'step_back_blocked'
	| 'reason_required'
	| 'scheme_frozen_needs_reason'
	| 'scheme_missing'
	| 'template_unknown'
	| 'name_taken'
	| 'invitation_invalid'
	| 'invitation_wrong_account'
	// Entries (registration)
	| 'registration_closed'
	| 'consent_required'
	| 'entry_locked'
	// Contestants register (phone first): accounts, attachments
	| 'login_taken'
	| 'attachment_too_large'
	| 'attachment_type_refused';

/**
 * Input that breaks a business rule in several places at once (a marking scheme, a round's data):
 * a translated message per field path, shown at each field by forms and returned as `fields` by the API.
 */
export class InvalidInputError extends Error {
	constructor(
		readonly code: 'scheme_invalid' | 'round_input_invalid' | 'entries_invalid',
		readonly summary: string,
		readonly fields: Record<string, string>
	) {
		super(code);
		this.name = 'InvalidInputError';
	}
}
