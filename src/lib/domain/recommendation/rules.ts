/**
 * Upward recommendation (issue 17): a child organisation marks winners of its own final results for a
 * parent organisation's competition, up to the quota the parent gave it on one event.
 *
 * What may be recommended: a placing of a FINAL result version (immutable) that won something — a tier
 * (一/二/三等奖, 工匠) or a special award. A placing without either is not a winner. The entry's people
 * must fit the parent's event: one person for an individual event, a named team of the event's size
 * for a team event. Each entry once per quota while its recommendation stands.
 *
 * The quota counts every recommendation not withdrawn, whatever the parent's screening made of it: a
 * nomination the parent rejected still used a place.
 */

export type RecommendProblem = 'not_a_winner' | 'quota_full' | 'already_recommended' | 'event_mismatch' | 'not_open';

export interface QuotaState {
	quota: number;
	used: number;
}

/** Places left on a quota (never negative: a quota lowered below what is used has none left). */
export function quotaLeft({ quota, used }: QuotaState): number {
	return Math.max(0, quota - used);
}

/** Whether a quota may be set to this number: never below what the child already used. */
export function quotaMayBecome(newQuota: number, used: number): boolean {
	return Number.isInteger(newQuota) && newQuota >= 1 && newQuota >= used;
}

export interface PlacingAward {
	tierLabel: string | null;
	specialAward: string | null;
}

export function isWinner(placing: PlacingAward): boolean {
	return Boolean(placing.tierLabel) || Boolean(placing.specialAward);
}

export interface TargetEvent {
	participation: 'individual' | 'team';
	teamMinMembers: number;
	teamMaxMembers: number;
}

export interface SourceEntryShape {
	teamName: string | null;
	memberCount: number;
}

/** Whether the entry's people fit the parent's event as an entry there. */
export function fitsEvent(event: TargetEvent, entry: SourceEntryShape): boolean {
	if (event.participation === 'individual') return entry.memberCount === 1;
	return entry.teamName !== null && entry.memberCount >= event.teamMinMembers && entry.memberCount <= event.teamMaxMembers;
}

/** The parent takes nominations while it could still add entries itself: registration and screening. */
export function nominationsOpen(parentCompetitionStatus: string): boolean {
	return parentCompetitionStatus === 'registration' || parentCompetitionStatus === 'screening';
}

export interface RecommendCheck extends PlacingAward {
	parentCompetitionStatus: string;
	quota: QuotaState;
	alreadyRecommended: boolean;
	event: TargetEvent;
	entry: SourceEntryShape;
}

/** The first reason a recommendation cannot be made, or null when it can. */
export function recommendProblem(check: RecommendCheck): RecommendProblem | null {
	if (!nominationsOpen(check.parentCompetitionStatus)) return 'not_open';
	if (!isWinner(check)) return 'not_a_winner';
	if (check.alreadyRecommended) return 'already_recommended';
	if (!fitsEvent(check.event, check.entry)) return 'event_mismatch';
	if (quotaLeft(check.quota) === 0) return 'quota_full';
	return null;
}

/** A recommendation may be withdrawn while it stands and the parent has not screened its entry yet. */
export function mayWithdraw(recommendation: { status: 'active' | 'withdrawn' }, entry: { status: string; decisions: number }): boolean {
	return recommendation.status === 'active' && entry.status === 'submitted' && entry.decisions === 0;
}
