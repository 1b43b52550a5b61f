import type { PlacingChange } from '$lib/domain/notice/placing-diff';

/** What the contestant's and the organisers' pages show of an appeal's outcome. */
export interface AppealSummary {
	id: string;
	status: 'open' | 'dismissed' | 'upheld';
	requiresRescore: boolean;
	decisionReason: string | null;
	rescoredVersionId: string | null;
	changes: PlacingChange[];
}
