import type { Db } from '../db/client';
import type { ThrottlePolicy, ThrottleState } from '$lib/domain/sign-in-throttle/throttle';

/**
 * Counts one sign-in attempt for a key and returns the counter as it now stands, in one statement
 * (the row lock of the upsert serialises concurrent attempts, in any number of processes). Same rule
 * as `countAttempt` in the domain module: a live lock is left alone; a passed window or an ended lock
 * starts afresh.
 */
export async function countSignInAttempt(db: Db, key: string, now: Date, policy: ThrottlePolicy): Promise<ThrottleState> {
	const [row] = await db<ThrottleState[]>`
		insert into sign_in_throttle as t (key, failures, window_started_at, locked_until)
		values (${key}, 1, ${now}, null)
		on conflict (key) do update set
			failures = case
				when t.locked_until > ${now} then t.failures
				when t.locked_until is not null or t.window_started_at <= ${now}::timestamptz - make_interval(secs => ${policy.windowMs / 1000}) then 1
				else t.failures + 1 end,
			window_started_at = case
				when t.locked_until > ${now} then t.window_started_at
				when t.locked_until is not null or t.window_started_at <= ${now}::timestamptz - make_interval(secs => ${policy.windowMs / 1000}) then ${now}
				else t.window_started_at end,
			locked_until = case when t.locked_until > ${now} then t.locked_until else null end
		returning failures, window_started_at, locked_until`;
	return row!;
}

/** Locks a key until the given time; an existing later lock is kept, never shortened or cleared. */
export async function lockThrottleKey(db: Db, key: string, until: Date): Promise<void> {
	await db`
		update sign_in_throttle set locked_until = greatest(locked_until, ${until})
		where key = ${key}`;
}

/** Gives back an attempt that succeeded, so a shared address is not locked by good sign-ins. */
export async function uncountSignInAttempt(db: Db, key: string, windowStartedAt: Date): Promise<void> {
	await db`
		update sign_in_throttle set failures = greatest(failures - 1, 0)
		where key = ${key} and window_started_at = ${windowStartedAt} and locked_until is null`;
}

export async function getThrottleState(db: Db, key: string): Promise<ThrottleState | undefined> {
	const [row] = await db<ThrottleState[]>`
		select failures, window_started_at, locked_until from sign_in_throttle where key = ${key}`;
	return row;
}

export async function deleteThrottleState(db: Db, key: string): Promise<void> {
	await db`delete from sign_in_throttle where key = ${key}`;
}
