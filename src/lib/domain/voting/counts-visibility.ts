import { shanghaiTimeOnDayOf } from './voting-day';
import { windowPhase, type VotingWindow } from './window';

export type CountsShown = 'live' | 'daily' | 'after_close';

export interface CountsPolicy extends VotingWindow {
	countsShown: CountsShown;
	/** "HH:MM" or "HH:MM:SS", Shanghai time; set only for `daily`. */
	dailyPublishTime: string | null;
}

/** Whether the public may see counts now, and as of which instant (the counts include votes cast before `asOf`). */
export type CountsVisibility = { visible: false } | { visible: true; asOf: Date };

/**
 * - `live`: always, as of now.
 * - `daily`: from the first publish instant inside the window, the counts as of the last publish
 *   instant that has passed (capped at the close); once the window closes, the final counts.
 * - `after_close`: only once the window has closed, as of the close.
 */
export function countsVisibility(policy: CountsPolicy, now: Date): CountsVisibility {
	const phase = windowPhase(policy, now);
	if (policy.countsShown === 'live') return { visible: true, asOf: phase === 'closed' ? policy.closesAt : now };
	if (phase === 'closed') return { visible: true, asOf: policy.closesAt };
	if (policy.countsShown === 'after_close' || phase === 'before' || !policy.dailyPublishTime) return { visible: false };
	let publish = shanghaiTimeOnDayOf(now, policy.dailyPublishTime);
	if (publish.getTime() > now.getTime()) publish = new Date(publish.getTime() - 24 * 60 * 60 * 1000);
	if (publish.getTime() < policy.opensAt.getTime()) return { visible: false };
	return { visible: true, asOf: publish };
}
