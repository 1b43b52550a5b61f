import type { EntryStatus } from '../registration/places';

/**
 * Screening (初审): an organiser approves or rejects an entry with a reason. Under the two-person rule
 * an approval needs two different reviewers; one rejection rejects. A decided entry may be reconsidered,
 * with a reason, while screening is open.
 */

export type ScreeningDecision = 'approve' | 'reject';

/** Screening runs while registration is open and during the screening stage; afterwards the list is fixed. */
export function isScreeningOpen(competitionStatus: string): boolean {
	return competitionStatus === 'registration' || competitionStatus === 'screening';
}

export function approvalsNeeded(twoPerson: boolean): number {
	return twoPerson ? 2 : 1;
}

export type DecisionOutcome =
	| { ok: true; result: 'approved' | 'approval_recorded' | 'rejected'; reconsidered: boolean; approvals: number }
	| { ok: false; problem: 'already_decided' | 'same_reviewer' | 'reason_required' | 'not_screenable' };

export interface DecisionInput {
	status: EntryStatus;
	decision: ScreeningDecision;
	reason: string;
	reviewerId: string;
	/** Reviewers whose approvals of this entry still count (since its last rejection or reconsideration). */
	approvers: readonly string[];
	twoPerson: boolean;
}

/**
 * What a reviewer's decision does to an entry. Waiting-list entries may be rejected but not approved
 * (they hold no place); withdrawn entries are out of screening. Rejecting always needs a reason, and so
 * does changing a decided entry's outcome (a reconsideration).
 */
export function applyDecision(input: DecisionInput): DecisionOutcome {
	const { status, decision } = input;
	if (status === 'withdrawn' || (status === 'waitlisted' && decision === 'approve')) return { ok: false, problem: 'not_screenable' };
	if ((status === 'approved' && decision === 'approve') || (status === 'rejected' && decision === 'reject')) return { ok: false, problem: 'already_decided' };
	const reconsidered = status === 'approved' || status === 'rejected';
	if ((decision === 'reject' || reconsidered) && input.reason.trim() === '') return { ok: false, problem: 'reason_required' };
	if (decision === 'reject') return { ok: true, result: 'rejected', reconsidered, approvals: 0 };
	if (input.approvers.includes(input.reviewerId)) return { ok: false, problem: 'same_reviewer' };
	const approvals = new Set([...input.approvers, input.reviewerId]).size;
	return { ok: true, result: approvals >= approvalsNeeded(input.twoPerson) ? 'approved' : 'approval_recorded', reconsidered, approvals };
}

/** A preset reason and the reviewer's own words, as the contestant reads them. */
export function composeReason(preset: string, text: string): string {
	return [preset.trim(), text.trim()].filter((part) => part !== '').join('；');
}
