import { m } from '$lib/paraglide/messages.js';
import type { SchemeIssueCode } from '$lib/domain/scoring';

// One sentence per scheme rule break, shared by the server (API and form answers) and the scheme
// editor, which checks a scheme in the browser before it calls the server.
export const SCHEME_ISSUE_MESSAGES: Record<SchemeIssueCode, () => string> = {
	components_empty: m.scheme_issue_components_empty,
	weights_not_100: m.scheme_issue_weights_not_100,
	weight_out_of_range: m.scheme_issue_weight_out_of_range,
	key_invalid: m.scheme_issue_key_invalid,
	duplicate_component_key: m.scheme_issue_duplicate_component_key,
	unknown_source: m.scheme_issue_unknown_source,
	criteria_empty: m.scheme_issue_criteria_empty,
	duplicate_criterion_key: m.scheme_issue_duplicate_criterion_key,
	criterion_max_not_positive: m.scheme_issue_criterion_max_not_positive,
	criterion_weight_not_positive: m.scheme_issue_criterion_weight_not_positive,
	value_not_hundredths: m.scheme_issue_value_not_hundredths,
	value_too_large: m.scheme_issue_value_too_large,
	unknown_aggregation: m.scheme_issue_unknown_aggregation,
	trim_invalid: m.scheme_issue_trim_invalid,
	min_judges_invalid: m.scheme_issue_min_judges_invalid,
	min_judges_too_small_for_trim: m.scheme_issue_min_judges_too_small_for_trim,
	unknown_level: m.scheme_issue_unknown_level,
	duplicate_deduction_key: m.scheme_issue_duplicate_deduction_key,
	deduction_points_out_of_range: m.scheme_issue_deduction_points_out_of_range,
	entered_max_not_positive: m.scheme_issue_entered_max_not_positive,
	unknown_normalisation: m.scheme_issue_unknown_normalisation,
	unknown_tie_break: m.scheme_issue_unknown_tie_break,
	unknown_tie_break_component: m.scheme_issue_unknown_tie_break_component,
	duplicate_tie_break: m.scheme_issue_duplicate_tie_break,
	duplicate_tier_key: m.scheme_issue_duplicate_tier_key,
	unknown_tier_limit: m.scheme_issue_unknown_tier_limit,
	tier_count_invalid: m.scheme_issue_tier_count_invalid,
	share_out_of_range: m.scheme_issue_share_out_of_range,
	minimum_total_out_of_range: m.scheme_issue_minimum_total_out_of_range,
	team_size_invalid: m.scheme_issue_team_size_invalid,
	unknown_team_method: m.scheme_issue_unknown_team_method,
	unknown_advancement: m.scheme_issue_unknown_advancement,
	advancement_count_invalid: m.scheme_issue_advancement_count_invalid,
	spread_threshold_out_of_range: m.scheme_issue_spread_threshold_out_of_range
};
