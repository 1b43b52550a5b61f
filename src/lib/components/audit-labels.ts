import { m } from '$lib/paraglide/messages.js';

// Readable names for audit actions; an action without one (added by a later capability) shows its code.
const ACTION_LABELS: Record<string, () => string> = {
	'account.password_changed': m.audit_action_account_password_changed,
	'api_token.created': m.audit_action_api_token_created,
	'api_token.revoked': m.audit_action_api_token_revoked,
	'competition.advanced': m.audit_action_competition_advanced,
	'competition.stepped_back': m.audit_action_competition_stepped_back,
	'competition.created': m.audit_action_competition_created,
	'competition.updated': m.audit_action_competition_updated,
	'event.created': m.audit_action_event_created,
	'event.deleted': m.audit_action_event_deleted,
	'event.updated': m.audit_action_event_updated,
	'membership.added': m.audit_action_membership_added,
	'membership.invitation_accepted': m.membership_audit_invitation_accepted,
	'membership.invitation_created': m.membership_audit_invitation_created,
	'membership.invitation_revoked': m.membership_audit_invitation_revoked,
	'membership.removed': m.audit_action_membership_removed,
	'membership.role_changed': m.audit_action_membership_role_changed,
	'membership.signed_up': m.audit_action_membership_signed_up,
	'organisation.created': m.audit_action_organisation_created,
	'organisation.updated': m.audit_action_organisation_updated,
	'round.created': m.audit_action_round_created,
	'round.deleted': m.audit_action_round_deleted,
	'round.updated': m.audit_action_round_updated,
	'scheme.saved': m.audit_action_scheme_saved,
	'scheme.copied': m.audit_action_scheme_copied,
	'scheme.template_applied': m.audit_action_scheme_template_applied,
	// The organisers' review of public votes (issue 16, rigging part)
	'vote.flagged': m.votereview_audit_flagged,
	'vote.detection_run': m.votereview_audit_detection_run,
	'vote.voided': m.votereview_audit_voided,
	'vote.restored': m.votereview_audit_restored,
	'vote.exported': m.votereview_audit_exported,
	// The draw (issue 14, draw part)
	'draw.committed': m.draw_audit_committed,
	'draw.ran': m.draw_audit_ran,
	'draw.revealed': m.draw_audit_revealed,
	'draw.decoding_table_opened': m.draw_audit_decoding_opened,
	// Judges, panels and conflicts of interest (issue 14, judges part).
	'judge.created': m.judges_audit_judge_created,
	'judge.updated': m.judges_audit_judge_updated,
	'judge.deleted': m.judges_audit_judge_deleted,
	'judge.sign_in_code_issued': m.judges_audit_sign_in_code_issued,
	'judge.signed_in_with_code': m.judges_audit_signed_in_with_code,
	'judge.invited': m.judges_audit_invited,
	'judge.invitation_accepted': m.judges_audit_invitation_accepted,
	'panel.updated': m.judges_audit_panel_updated,
	'conflict.declared': m.judges_audit_conflict_declared,
	'conflict.removed': m.judges_audit_conflict_removed,
	// Screening (初审)
	'entry.approved': m.screening_audit_approved,
	'entry.approval_recorded': m.screening_audit_approval_recorded,
	'entry.rejected': m.screening_audit_rejected,
	'entry.personal_numbers_viewed': m.screening_audit_numbers_viewed,
	'screening.reasons_saved': m.screening_audit_reasons_saved,
	'competition.screening_rule_changed': m.screening_audit_rule_changed,
	// The live board (issue 15)
	'board.standings_shown': m.board_audit_standings_shown,
	'board.standings_hidden': m.board_audit_standings_hidden,
	// The head judge and the organiser run a round's scoring (issue 15, head-judge part).
	'sheet.returned': m.headjudge_audit_sheet_returned,
	'sheet.unlocked': m.headjudge_audit_sheet_unlocked,
	'judge.marked_absent': m.headjudge_audit_marked_absent,
	'judge.absence_cleared': m.headjudge_audit_absence_cleared,
	'round.signed_off': m.headjudge_audit_signed_off,
	'device.revoked': m.headjudge_audit_device_revoked,
	// Live judging, a judge's writes (issue 15, hcore)
	'sheet.saved': m.sheets_audit_saved,
	'sheet.submitted': m.sheets_audit_submitted,
	// Results core (issue 17, results part)
	'results.computed': m.results_audit_computed,
	'results.special_award_added': m.results_audit_special_award_added,
	'results.special_award_removed': m.results_audit_special_award_removed,
	'results.revealed': m.results_audit_revealed,
	'results.published': m.results_audit_published,
	'results.finalised': m.results_audit_finalised,
	'results.advanced': m.results_audit_advanced,
	// Certificates (issue 17, certificates part)
	'certificates.issued': m.certificates_audit_issued,
	'certificate.revoked': m.certificates_audit_revoked,
	'certificates.template_saved': m.certificates_audit_template_saved,
	'certificates.seal_saved': m.certificates_audit_seal_saved,
	'certificates.seal_removed': m.certificates_audit_seal_removed,
	// Upward recommendation (issue 17, recommend part)
	'nomination_quota.added': m.recommend_audit_quota_added,
	'nomination_quota.changed': m.recommend_audit_quota_changed,
	'nomination_quota.removed': m.recommend_audit_quota_removed,
	'recommendation.made': m.recommend_audit_made,
	'recommendation.withdrawn': m.recommend_audit_withdrawn,
	'entry.recommended': m.recommend_audit_entry_recommended
};

export function auditActionLabel(action: string): string {
	return ACTION_LABELS[action]?.() ?? action;
}
