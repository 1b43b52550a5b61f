/** Where an instant lies against a voting window: the window opens at `opensAt` (inclusive) and closes at `closesAt` (exclusive). */
export type WindowPhase = 'before' | 'open' | 'closed';

export interface VotingWindow {
	opensAt: Date;
	closesAt: Date;
}

/**
 * A vote cast exactly at the opening instant counts; one cast exactly at the closing instant does not
 * (the notice says "投票截止 20:00": at 20:00:00.000 voting has ended).
 */
export function windowPhase(window: VotingWindow, now: Date): WindowPhase {
	const time = now.getTime();
	if (time < window.opensAt.getTime()) return 'before';
	if (time < window.closesAt.getTime()) return 'open';
	return 'closed';
}
