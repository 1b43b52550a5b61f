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
	// The draw (issue 14, draw part)
	| 'draw_stage_committed'
	| 'draw_previous_stage_not_run'
	| 'draw_no_entries'
	| 'draw_stations_too_few'
	| 'draw_not_committed'
	| 'draw_already_run'
	| 'draw_not_run'
	| 'draw_already_revealed'
	| 'draw_reveal_before_lock'
	| 'draw_sealed'
	// Judges, panels and conflicts of interest (issue 14, judges part).
	| 'judge_conflicted'
	| 'not_on_panel'
	| 'panel_head_required'
	| 'judge_not_in_competition'
	| 'entry_not_in_round'
	| 'sign_in_code_invalid'
	| 'judge_invitation_invalid'
	| 'judge_account_taken'
	// Entries import and export (union lists in Excel)
	| 'workbook_unreadable'
	// Screening (初审)
	| 'screening_closed'
	| 'screening_already_decided'
	| 'screening_same_reviewer'
	| 'screening_not_screenable'
	// Contestants register (phone first): accounts, attachments
	| 'login_taken'
	| 'attachment_too_large'
	| 'attachment_type_refused'
	// Issue 14 follow-ups: a reconsidered rejection needs a free place; judges withdraw their own conflicts
	| 'screening_event_full'
	| 'conflict_not_yours'
	// Live judging, a judge's writes (issue 15, hcore): sheets over the socket and the API, devices.
	| 'sheet_round_not_judging'
	| 'sheet_round_signed_off'
	| 'sheet_locked'
	| 'sheet_submitted'
	| 'sheet_component_unknown'
	| 'sheet_operation_taken'
	| 'session_ended'
	| 'device_revoked'
	// Entered components and the paper fallback (issue 15, panel part: hpanel)
	| 'entered_round_signed_off'
	| 'entered_component_unknown'
	| 'entered_value_out_of_range'
	| 'entered_keying_needs_second_person'
	| 'entered_deduction_item_unknown'
	| 'entered_paper_criterion_unknown'
	| 'entered_paper_incomplete'
	| 'entered_paper_sheet_locked'
	// The head judge and the organiser run a round's scoring (issue 15, head-judge part): returns,
	// unlocks, absences, sign-off (裁判长签字), provisional results, device revocation.
	| 'round_signed_off'
	| 'round_not_signed_off'
	| 'sign_off_incomplete'
	| 'sheet_missing'
	| 'sheet_not_submitted'
	| 'sheet_not_locked'
	| 'absence_exists'
	| 'device_already_revoked'
	// The organisers' review of public votes (issue 16, rigging part).
	| 'vote_review_detection_running'
	// Public voting, the voter's side and the policy (issue 16, vote part).
	| 'vote_round_not_voting'
	| 'vote_verified_needs_sms'
	| 'vote_policy_missing'
	| 'vote_window_before'
	| 'vote_window_closed'
	| 'vote_daily_limit'
	| 'vote_candidate_limit'
	| 'vote_proof_invalid'
	| 'vote_proof_replayed'
	| 'vote_candidate_unknown'
	| 'vote_verification_required'
	| 'vote_code_invalid'
	| 'vote_code_attempts'
	| 'vote_code_too_soon'
	// Results core (issue 17, results part): versions, special awards, reveal, publication, finalising, advancement.
	| 'results_final'
	| 'results_not_computed'
	| 'results_entry_unknown'
	| 'special_award_exists'
	| 'results_already_revealed'
	| 'results_not_revealed'
	| 'results_notice_window_invalid'
	| 'results_not_published'
	| 'results_notice_open'
	| 'results_newer_version'
	| 'results_no_next_round'
	| 'results_matters_open'
	// Publication, objections and appeals (issue 17, publication part: public).
	| 'notice_not_open'
	| 'objection_rate_limited'
	| 'appeal_window_not_open'
	| 'appeal_window_closed'
	| 'appeal_arbitrators_only'
	| 'appeal_already_decided'
	| 'appeal_rescore_not_required'
	| 'appeal_already_rescored'
	| 'appeal_version_invalid'
	| 'arbitrator_not_member'
	// Certificates (issue 17, certificates part).
	| 'certificate_already_revoked'
	| 'certificate_seal_refused'
	| 'certificate_bundle_too_large'
	// Upward recommendation (issue 17, recommend part).
	| 'recommendation_not_open'
	| 'recommendation_not_a_winner'
	| 'recommendation_already_made'
	| 'recommendation_event_mismatch'
	| 'recommendation_quota_full'
	| 'recommendation_person_entered'
	| 'recommendation_already_screened'
	| 'nomination_child_unknown'
	| 'nomination_quota_exists'
	| 'nomination_quota_below_used'
	| 'nomination_quota_in_use';

/**
 * Input that breaks a business rule in several places at once (a marking scheme, a round's data):
 * a translated message per field path, shown at each field by forms and returned as `fields` by the API.
 */
export class InvalidInputError extends Error {
	constructor(
		readonly code: 'scheme_invalid' | 'round_input_invalid' | 'entries_invalid' | 'import_invalid' | 'sheet_invalid',
		readonly summary: string,
		readonly fields: Record<string, string>
	) {
		super(code);
		this.name = 'InvalidInputError';
	}
}
