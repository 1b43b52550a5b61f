import { m } from '$lib/paraglide/messages.js';
import type { DomainError, DomainErrorCode } from '../domain-error';
import type { LifecycleBlocker } from '$lib/domain/competition/lifecycle';

/** Every expected failure's HTTP status and translated message, in one place (STYLE.md §7). */
const ERRORS: Record<DomainErrorCode, { status: number; message: (details: Record<string, string | number>) => string }> = {
	not_found: { status: 404, message: () => m.errors_not_found() },
	forbidden: { status: 403, message: () => m.errors_forbidden() },
	invalid_credentials: { status: 400, message: () => m.errors_invalid_credentials() },
	sign_in_locked: { status: 429, message: (details) => m.errors_sign_in_locked({ minutes: details.minutes ?? 15 }) },
	wrong_current_password: { status: 400, message: () => m.errors_wrong_current_password() },
	email_taken: { status: 409, message: () => m.errors_email_taken() },
	slug_taken: { status: 409, message: () => m.errors_slug_taken() },
	setup_already_done: { status: 409, message: () => m.errors_setup_already_done() },
	sign_up_closed: { status: 403, message: () => m.errors_sign_up_closed() },
	last_owner: { status: 409, message: () => m.errors_last_owner() },
	already_member: { status: 409, message: () => m.errors_already_member() },
	invalid_api_token: { status: 401, message: () => m.errors_invalid_api_token() },
	password_required: { status: 400, message: () => m.errors_password_required() },
	structure_frozen: { status: 409, message: () => m.errors_structure_frozen() },
	competition_closed: { status: 409, message: () => m.errors_competition_closed() },
	lifecycle_blocked: { status: 409, message: (details) => m.errors_lifecycle_blocked({ reasons: describeBlockers(String(details.blockers ?? '')) }) },
	step_back_blocked: { status: 409, message: (details) => (String(details.blockers).includes('judging_started') ? m.errors_step_back_after_judging() : m.errors_step_back_not_previous()) },
	reason_required: { status: 400, message: () => m.errors_reason_required() },
	scheme_frozen_needs_reason: { status: 400, message: () => m.errors_scheme_frozen_needs_reason() },
	scheme_missing: { status: 404, message: () => m.errors_scheme_missing() },
	template_unknown: { status: 400, message: () => m.errors_template_unknown() },
	name_taken: { status: 409, message: () => m.errors_name_taken() },
	invitation_invalid: { status: 404, message: () => m.membership_error_invitation_invalid() },
	invitation_wrong_account: { status: 403, message: () => m.membership_error_invitation_wrong_account() },
	// Entries (registration)
	registration_closed: { status: 409, message: () => m.entries_error_registration_closed() },
	consent_required: { status: 400, message: () => m.entries_error_consent_required() },
	entry_locked: { status: 409, message: () => m.entries_error_entry_locked() },
	// The draw (issue 14, draw part)
	draw_stage_committed: { status: 409, message: (details) => m.draw_error_stage_committed({ stage: details.stage ?? '' }) },
	draw_previous_stage_not_run: { status: 409, message: (details) => m.draw_error_previous_stage_not_run({ stage: details.stage ?? '' }) },
	draw_no_entries: { status: 409, message: () => m.draw_error_no_entries() },
	draw_stations_too_few: { status: 400, message: (details) => m.draw_error_stations_too_few({ needed: details.needed ?? '', given: details.given ?? '' }) },
	draw_not_committed: { status: 409, message: (details) => m.draw_error_not_committed({ stage: details.stage ?? '' }) },
	draw_already_run: { status: 409, message: (details) => m.draw_error_already_run({ stage: details.stage ?? '' }) },
	draw_not_run: { status: 409, message: (details) => m.draw_error_not_run({ stage: details.stage ?? '' }) },
	draw_already_revealed: { status: 409, message: (details) => m.draw_error_already_revealed({ stage: details.stage ?? '' }) },
	draw_reveal_before_lock: { status: 409, message: () => m.draw_error_reveal_before_lock() },
	draw_sealed: { status: 403, message: () => m.draw_error_sealed() },
	// Judges, panels and conflicts of interest (issue 14, judges part).
	judge_conflicted: { status: 403, message: () => m.judges_error_conflicted() },
	not_on_panel: { status: 403, message: () => m.judges_error_not_on_panel() },
	panel_head_required: { status: 400, message: () => m.judges_error_panel_head_required() },
	judge_not_in_competition: { status: 400, message: () => m.judges_error_not_in_competition() },
	entry_not_in_round: { status: 400, message: () => m.judges_error_entry_not_in_round() },
	sign_in_code_invalid: { status: 400, message: () => m.judges_error_sign_in_code_invalid() },
	judge_invitation_invalid: { status: 404, message: () => m.judges_error_invitation_invalid() },
	judge_account_taken: { status: 409, message: () => m.judges_error_account_taken() },
	// Entries import and export (union lists in Excel)
	workbook_unreadable: { status: 400, message: () => m.import_error_workbook_unreadable() },
	// Screening (初审)
	screening_closed: { status: 409, message: () => m.screening_error_closed() },
	screening_already_decided: { status: 409, message: () => m.screening_error_already_decided() },
	screening_same_reviewer: { status: 409, message: () => m.screening_error_same_reviewer() },
	screening_not_screenable: { status: 409, message: () => m.screening_error_not_screenable() },
	// Contestants register (phone first): accounts, attachments
	login_taken: { status: 409, message: () => m.registration_error_login_taken() },
	attachment_too_large: { status: 413, message: (details) => m.registration_error_attachment_too_large({ megabytes: details.megabytes ?? 10 }) },
	attachment_type_refused: { status: 415, message: () => m.registration_error_attachment_type() },
	// Issue 14 follow-ups: a reconsidered rejection needs a free place; judges withdraw their own conflicts
	screening_event_full: { status: 409, message: () => m.screening_error_event_full() },
	conflict_not_yours: { status: 403, message: () => m.judges_error_conflict_not_yours() },
	// Live judging, a judge's writes (issue 15, hcore): sheets over the socket and the API, devices.
	sheet_round_not_judging: { status: 409, message: () => m.sheets_error_round_not_judging() },
	sheet_round_signed_off: { status: 409, message: () => m.sheets_error_round_signed_off() },
	sheet_locked: { status: 409, message: () => m.sheets_error_locked() },
	sheet_submitted: { status: 409, message: () => m.sheets_error_submitted() },
	sheet_component_unknown: { status: 400, message: () => m.sheets_error_component_unknown() },
	sheet_operation_taken: { status: 409, message: () => m.sheets_error_operation_taken() },
	session_ended: { status: 401, message: () => m.sheets_error_session_ended() },
	device_revoked: { status: 401, message: () => m.sheets_error_device_revoked() },
	// Entered components and the paper fallback (issue 15, panel part: hpanel)
	entered_round_signed_off: { status: 409, message: () => m.entered_error_round_signed_off() },
	entered_component_unknown: { status: 400, message: (details) => m.entered_error_component_unknown({ key: details.key ?? '' }) },
	entered_value_out_of_range: { status: 400, message: (details) => m.entered_value_out_of_range({ max: details.max ?? '' }) },
	entered_keying_needs_second_person: { status: 409, message: () => m.entered_error_needs_second_person() },
	entered_deduction_item_unknown: { status: 400, message: (details) => m.entered_error_deduction_item_unknown({ item: details.item ?? '' }) },
	entered_paper_criterion_unknown: { status: 400, message: (details) => m.entered_error_criterion_unknown({ key: details.key ?? '' }) },
	entered_paper_incomplete: { status: 400, message: (details) => m.entered_error_paper_incomplete({ key: details.key ?? '' }) },
	entered_paper_sheet_locked: { status: 409, message: () => m.entered_error_paper_sheet_locked() },
	// The head judge and the organiser run a round's scoring (issue 15, head-judge part).
	// The organisers' review of public votes (issue 16, rigging part).
	vote_review_detection_running: { status: 409, message: () => m.votereview_error_detection_running() },
	round_signed_off: { status: 409, message: () => m.headjudge_error_round_signed_off() },
	round_not_signed_off: { status: 409, message: () => m.headjudge_error_round_not_signed_off() },
	sign_off_incomplete: { status: 409, message: (details) => m.headjudge_error_sign_off_incomplete({ count: details.count ?? 0, missing: details.missing ?? '' }) },
	sheet_missing: { status: 404, message: () => m.headjudge_error_sheet_missing() },
	sheet_not_submitted: { status: 409, message: () => m.headjudge_error_sheet_not_submitted() },
	sheet_not_locked: { status: 409, message: () => m.headjudge_error_sheet_not_locked() },
	absence_exists: { status: 409, message: () => m.headjudge_error_absence_exists() },
	device_already_revoked: { status: 409, message: () => m.headjudge_error_device_already_revoked() },
	// Public voting, the voter's side and the policy (issue 16, vote part).
	vote_round_not_voting: { status: 409, message: () => m.voting_error_round_not_voting() },
	vote_verified_needs_sms: { status: 400, message: () => m.voting_error_verified_needs_sms() },
	vote_policy_missing: { status: 404, message: () => m.voting_error_policy_missing() },
	vote_window_before: { status: 409, message: (details) => m.voting_outcome_before({ opensAt: details.opensAt ?? '' }) },
	vote_window_closed: { status: 409, message: () => m.voting_outcome_closed() },
	vote_daily_limit: { status: 429, message: (details) => (details.nextVoteAt ? m.voting_outcome_daily_limit({ nextVoteAt: details.nextVoteAt }) : m.voting_outcome_daily_limit_last_day()) },
	vote_candidate_limit: { status: 429, message: (details) => (details.nextVoteAt ? m.voting_outcome_candidate_limit({ nextVoteAt: details.nextVoteAt }) : m.voting_outcome_candidate_limit_last_day()) },
	vote_proof_invalid: { status: 400, message: () => m.voting_outcome_proof_invalid() },
	vote_proof_replayed: { status: 409, message: () => m.voting_outcome_proof_replayed() },
	vote_candidate_unknown: { status: 400, message: () => m.voting_error_candidate_unknown() },
	vote_verification_required: { status: 401, message: () => m.voting_error_verification_required() },
	vote_code_invalid: { status: 400, message: () => m.voting_error_code_invalid() },
	vote_code_attempts: { status: 429, message: () => m.voting_error_code_attempts() },
	vote_code_too_soon: { status: 429, message: () => m.voting_error_code_too_soon() },
	// Results core (issue 17, results part): versions, special awards, reveal, publication, finalising, advancement.
	results_final: { status: 409, message: () => m.results_error_final() },
	results_not_computed: { status: 409, message: () => m.results_error_not_computed() },
	results_entry_unknown: { status: 400, message: () => m.results_error_entry_unknown() },
	special_award_exists: { status: 409, message: () => m.results_error_special_award_exists() },
	results_already_revealed: { status: 409, message: () => m.results_error_already_revealed() },
	results_not_revealed: { status: 409, message: () => m.results_error_not_revealed() },
	results_notice_window_invalid: { status: 400, message: () => m.results_error_notice_window_invalid() },
	results_not_published: { status: 409, message: () => m.results_error_not_published() },
	results_notice_open: { status: 409, message: (details) => m.results_error_notice_open({ endsAt: details.endsAt ?? '' }) },
	results_newer_version: { status: 409, message: (details) => m.results_error_newer_version({ version: details.version ?? '' }) },
	results_no_next_round: { status: 409, message: () => m.results_error_no_next_round() },
	results_matters_open: { status: 409, message: () => m.results_error_matters_open() },
	// Publication, objections and appeals (issue 17, publication part: public).
	notice_not_open: { status: 409, message: () => m.notice_error_not_open() },
	objection_rate_limited: { status: 429, message: () => m.notice_error_rate_limited() },
	appeal_window_not_open: { status: 409, message: () => m.notice_error_appeal_not_open() },
	appeal_window_closed: { status: 409, message: () => m.notice_error_appeal_closed() },
	appeal_arbitrators_only: { status: 403, message: () => m.notice_error_arbitrators_only() },
	appeal_already_decided: { status: 409, message: () => m.notice_error_already_decided() },
	appeal_rescore_not_required: { status: 409, message: () => m.notice_error_rescore_not_required() },
	appeal_already_rescored: { status: 409, message: () => m.notice_error_already_rescored() },
	appeal_version_invalid: { status: 400, message: () => m.notice_error_version_invalid() },
	arbitrator_not_member: { status: 400, message: () => m.notice_error_arbitrator_not_member() },
	// Certificates (issue 17, certificates part).
	certificate_already_revoked: { status: 409, message: () => m.certificates_error_already_revoked() },
	certificate_seal_refused: { status: 400, message: () => m.certificates_error_seal_refused() },
	certificate_bundle_too_large: { status: 413, message: (details) => m.certificates_error_bundle_too_large({ max: details.max ?? '' }) },
	// Upward recommendation (issue 17, recommend part).
	recommendation_not_open: { status: 409, message: () => m.recommend_error_not_open() },
	recommendation_not_a_winner: { status: 409, message: () => m.recommend_error_not_a_winner() },
	recommendation_already_made: { status: 409, message: () => m.recommend_error_already_made() },
	recommendation_event_mismatch: { status: 409, message: () => m.recommend_error_event_mismatch() },
	recommendation_quota_full: { status: 409, message: (details) => m.recommend_error_quota_full({ quota: details.quota ?? '' }) },
	recommendation_person_entered: { status: 409, message: () => m.recommend_error_person_entered() },
	recommendation_already_screened: { status: 409, message: () => m.recommend_error_already_screened() },
	nomination_child_unknown: { status: 400, message: () => m.recommend_error_child_unknown() },
	nomination_quota_exists: { status: 409, message: () => m.recommend_error_quota_exists() },
	nomination_quota_below_used: { status: 409, message: (details) => m.recommend_error_quota_below_used({ used: details.used ?? '' }) },
	nomination_quota_in_use: { status: 409, message: () => m.recommend_error_quota_in_use() }
};

const BLOCKERS: Record<LifecycleBlocker, () => string> = {
	already_final: m.blocker_already_final,
	not_next_step: m.blocker_not_next_step,
	no_events: m.blocker_no_events,
	event_without_rounds: m.blocker_event_without_rounds,
	round_without_scheme: m.blocker_round_without_scheme,
	round_scheme_invalid: m.blocker_round_scheme_invalid,
	no_entries: m.blocker_no_entries,
	no_draw: m.blocker_no_draw,
	no_panels: m.blocker_no_panels,
	no_results: m.blocker_no_results,
	notice_open: m.blocker_notice_open
};

export function describeBlockers(codes: string): string {
	return codes
		.split(',')
		.filter((code): code is LifecycleBlocker => code in BLOCKERS)
		.map((code) => BLOCKERS[code]())
		.join(m.list_separator());
}

export function describeDomainError(error: DomainError): { status: number; message: string } {
	const entry = ERRORS[error.code];
	return { status: entry.status, message: entry.message(error.details) };
}
