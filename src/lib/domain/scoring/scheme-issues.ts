export type SchemeIssueCode =
	| 'components_empty'
	| 'weights_not_100'
	| 'weight_out_of_range'
	| 'key_invalid'
	| 'duplicate_component_key'
	| 'unknown_source'
	| 'criteria_empty'
	| 'duplicate_criterion_key'
	| 'criterion_max_not_positive'
	| 'criterion_weight_not_positive'
	| 'value_not_hundredths'
	| 'value_too_large'
	| 'unknown_aggregation'
	| 'trim_invalid'
	| 'min_judges_invalid'
	| 'min_judges_too_small_for_trim'
	| 'unknown_level'
	| 'duplicate_deduction_key'
	| 'deduction_points_out_of_range'
	| 'entered_max_not_positive'
	| 'unknown_normalisation'
	| 'unknown_tie_break'
	| 'unknown_tie_break_component'
	| 'duplicate_tie_break'
	| 'duplicate_tier_key'
	| 'unknown_tier_limit'
	| 'tier_count_invalid'
	| 'share_out_of_range'
	| 'minimum_total_out_of_range'
	| 'team_size_invalid'
	| 'unknown_team_method'
	| 'unknown_advancement'
	| 'advancement_count_invalid'
	| 'spread_threshold_out_of_range';

/** One problem in a scheme: where (`path`) and what (`code`); the UI turns codes into sentences. */
export interface SchemeIssue {
	path: (string | number)[];
	code: SchemeIssueCode;
}

/** A scheme that breaks the rules cannot be scored; `issues` says why. */
export class InvalidSchemeError extends Error {
	readonly code = 'scheme_invalid';
	constructor(readonly issues: SchemeIssue[]) {
		super(`scheme_invalid: ${issues.map((issue) => `${issue.path.join('.')} ${issue.code}`).join(', ')}`);
		this.name = 'InvalidSchemeError';
	}
}
