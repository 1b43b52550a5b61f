import type { Db } from '../db/client';
import type { ThrottleState } from '$lib/domain/sign-in-throttle/throttle';

/** Locks the counter rows for the transaction so concurrent failures are all counted. */
export async function getThrottleStates(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
	const rows = await db<(ThrottleState & { key: string })[]>`
		select key, failures, window_started_at, locked_until from sign_in_throttle
		where key in ${db(keys)} for update`;
	return new Map(rows.map(({ key, ...state }) => [key, state]));
}

export async function saveThrottleState(db: Db, key: string, state: ThrottleState): Promise<void> {
	await db`
		insert into sign_in_throttle (key, failures, window_started_at, locked_until)
		values (${key}, ${state.failures}, ${state.windowStartedAt}, ${state.lockedUntil})
		on conflict (key) do update set failures = excluded.failures,
			window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`;
}

export async function deleteThrottleState(db: Db, key: string): Promise<void> {
	await db`delete from sign_in_throttle where key = ${key}`;
}
