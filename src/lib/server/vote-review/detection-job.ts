import { db } from '../db/client';
import { onShutdown } from '../runtime.js';
import type { ReviewRoundRow } from './review-queries';
import { DETECTION_JOB_ACTOR, detectInRound } from './detection';

/** How often the job looks at rounds being voted on; `JIANGXIN_VOTE_REVIEW_INTERVAL_S=0` turns it off (the test servers do). */
export const DEFAULT_INTERVAL_SECONDS = 300;

export function detectionInterval(env: Record<string, string | undefined>): number {
	const raw = env.JIANGXIN_VOTE_REVIEW_INTERVAL_S;
	if (raw === undefined || raw.trim() === '') return DEFAULT_INTERVAL_SECONDS;
	const seconds = Number(raw);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_INTERVAL_SECONDS;
}

/**
 * The rounds of every organisation whose voting window is open, or closed less than a day ago (late
 * review of the last hours still matters, a finished week does not need re-reading every few minutes).
 * The job's one cross-organisation read; each round is then handled with its own organisation's id.
 */
async function roundsBeingVoted(now: Date): Promise<(ReviewRoundRow & { organisationId: string })[]> {
	return db()<(ReviewRoundRow & { organisationId: string })[]>`
		select r.id, r.organisation_id, r.name, e.name as event_name, c.id as competition_id, c.title as competition_title, p.opens_at, p.closes_at
		from vote_policy p join round r on r.id = p.round_id and r.organisation_id = p.organisation_id
		join event e on e.id = r.event_id and e.organisation_id = r.organisation_id
		join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
		where p.opens_at <= ${now} and p.closes_at > ${now}::timestamptz - interval '1 day'`;
}

/**
 * One pass of the job: detection in each round being voted on, each in its own transaction under the
 * round's advisory lock, so several app processes running the job never flag a round twice at once
 * (the one that does not get the lock skips the round). Returns how many votes it flagged.
 */
export async function detectInRoundsBeingVoted(now: Date): Promise<number> {
	let flagged = 0;
	for (const round of await roundsBeingVoted(now)) {
		try {
			const report = await db().begin((tx) => detectInRound(tx, round.organisationId, round, DETECTION_JOB_ACTOR));
			flagged += report.flagged;
		} catch (error) {
			console.error(`[jiangxin] vote review of round ${round.id}: ${error instanceof Error ? error.message : error}`);
		}
	}
	return flagged;
}

const KEY = Symbol.for('jiangxin.voteReviewJob');
const holder = globalThis as unknown as Record<symbol, ReturnType<typeof setInterval> | undefined>;

/** Starts the periodic job in this process (idempotent, so Vite's dev reloads do not start two). */
export function startVoteReviewJob(env: Record<string, string | undefined>): void {
	const seconds = detectionInterval(env);
	if (holder[KEY] || seconds === 0) return;
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		detectInRoundsBeingVoted(new Date())
			.catch((error) => console.error(`[jiangxin] vote review job: ${error instanceof Error ? error.message : error}`))
			.finally(() => (running = false));
	}, seconds * 1000);
	timer.unref();
	holder[KEY] = timer;
	onShutdown(() => {
		clearInterval(timer);
		holder[KEY] = undefined;
	});
}
