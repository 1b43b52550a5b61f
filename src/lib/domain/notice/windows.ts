/** Where the public notice (公示) stands: not set or not begun, open for objections, or over. */
export type NoticePhase = 'unset' | 'before' | 'open' | 'closed';

/**
 * The notice window includes its start and excludes its end, like the voting window. A window with no
 * end never closes by itself (the organiser has not set its days yet): objections stay open.
 */
export function noticePhase(window: { startsAt: Date | null; endsAt: Date | null }, now: Date): NoticePhase {
	if (!window.startsAt) return 'unset';
	if (now < window.startsAt) return 'before';
	if (window.endsAt && now >= window.endsAt) return 'closed';
	return 'open';
}

/**
 * Appeals may be filed until `appealWindowMinutes` after the round's scores were locked (sign-off,
 * 裁判长签字); before the sign-off there is nothing final enough to appeal against. Null: no window yet.
 */
export function appealDeadline(scoresLockedAt: Date | null, appealWindowMinutes: number): Date | null {
	return scoresLockedAt ? new Date(scoresLockedAt.getTime() + appealWindowMinutes * 60_000) : null;
}

export type AppealWindowState = 'not_locked' | 'open' | 'closed';

export function appealWindowState(scoresLockedAt: Date | null, appealWindowMinutes: number, now: Date): AppealWindowState {
	const deadline = appealDeadline(scoresLockedAt, appealWindowMinutes);
	if (!deadline) return 'not_locked';
	return now < deadline ? 'open' : 'closed';
}
