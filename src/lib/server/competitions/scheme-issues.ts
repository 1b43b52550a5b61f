import { m } from '$lib/paraglide/messages.js';
import type { RoundInputIssue, RoundInputIssueCode, SchemeIssue } from '$lib/domain/scoring';
import { SCHEME_ISSUE_MESSAGES } from '$lib/schemas/scheme-issue-messages';
import { InvalidInputError } from '../domain-error';

const ROUND_ISSUE_MESSAGES: Record<RoundInputIssueCode, () => string> = {
	duplicate_entry_id: m.round_issue_duplicate_entry_id,
	duplicate_entry_number: m.round_issue_duplicate_entry_number,
	entry_number_invalid: m.round_issue_entry_number_invalid,
	duplicate_judge_sheet: m.round_issue_duplicate_judge_sheet,
	vote_count_invalid: m.round_issue_vote_count_invalid,
	deduction_count_invalid: m.round_issue_deduction_count_invalid
};

function byPath<C extends string>(issues: { path: (string | number)[]; code: C }[], messages: Record<C, () => string>, prefix: string) {
	const fields: Record<string, string> = {};
	for (const issue of issues) fields[[prefix, ...issue.path].filter((part) => part !== '').join('.')] ??= messages[issue.code]();
	return fields;
}

/** A scheme's rule breaks as one error with a translated message at each offending path. */
export function schemeIssuesError(issues: SchemeIssue[], prefix = ''): InvalidInputError {
	return new InvalidInputError('scheme_invalid', m.scheme_invalid(), byPath(issues, SCHEME_ISSUE_MESSAGES, prefix));
}

export function roundInputIssuesError(issues: RoundInputIssue[], prefix = ''): InvalidInputError {
	return new InvalidInputError('round_input_invalid', m.round_input_invalid(), byPath(issues, ROUND_ISSUE_MESSAGES, prefix));
}
