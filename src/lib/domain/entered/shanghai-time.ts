/**
 * Finish times are typed in the venue's time, Asia/Shanghai (UTC+8 all year: China keeps no daylight
 * saving), as "2026-05-01 10:32" or "2026-05-01 10:32:05".
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant a Shanghai wall-clock time names, or null when it is no valid time. */
export function parseShanghaiTime(text: string): Date | null {
	const match = LOCAL.exec(text.trim());
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
	if (year < 1900 || year > 2200 || hour > 23 || minute > 59 || second > 59) return null;
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(utc);
	// Date.UTC rolls 31 February over into March: refuse what the calendar has not got.
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
	return new Date(utc - OFFSET_MS);
}

/** "2026-05-01 10:32:05" in Shanghai time. */
export function formatShanghaiTime(instant: Date): string {
	const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
	return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
