/**
 * Voting days are Asia/Shanghai calendar days (UTC+8 all year: China keeps no daylight saving), so a
 * voter's daily allowance renews at Shanghai midnight wherever the server runs.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Shanghai calendar day of an instant, as "2026-05-01". */
export function votingDayOf(instant: Date): string {
	return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the next Shanghai day begins (the next midnight strictly after `instant`). */
export function nextShanghaiMidnight(instant: Date): Date {
	const local = instant.getTime() + OFFSET_MS;
	return new Date((Math.floor(local / DAY_MS) + 1) * DAY_MS - OFFSET_MS);
}

/** Milliseconds since Shanghai midnight for an instant. */
export function shanghaiTimeOfDayMs(instant: Date): number {
	const local = instant.getTime() + OFFSET_MS;
	return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant of a Shanghai wall-clock time ("HH:MM" or "HH:MM:SS") on the Shanghai day of `instant`. */
export function shanghaiTimeOnDayOf(instant: Date, timeOfDay: string): Date {
	const [hours = 0, minutes = 0, seconds = 0] = timeOfDay.split(':').map(Number);
	const dayStart = instant.getTime() - shanghaiTimeOfDayMs(instant);
	return new Date(dayStart + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}
