import type { CandidateRow, ReviewRoundRow } from './review-queries';

/** A candidate in audit rows and on the page: "No. 17 王芳" (a public vote shows names), or the id's start before numbering. */
export const candidateLabel = (candidate: CandidateRow | undefined, entryId: string): string =>
	candidate?.number ? `No. ${candidate.number}${candidate.name ? ` ${candidate.name}` : ''}` : candidate?.name || entryId.slice(0, 8);

export const roundLabel = (round: Pick<ReviewRoundRow, 'eventName' | 'name'>): string => `${round.eventName} · ${round.name}`;
