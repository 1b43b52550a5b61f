/** Contest times are shown in China Standard Time, whatever the viewer's or server's zone. */
export const CONTEST_TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: Date | string, locale: string): string {
	let format = dateTimeFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { timeZone: CONTEST_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
		dateTimeFormats.set(locale, format);
	}
	return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** The instant a calendar day (YYYY-MM-DD) starts in China Standard Time (UTC+8, no daylight saving). */
export function startOfContestDay(day: string): Date {
	return new Date(`${day}T00:00:00+08:00`);
}

/** The instant after the calendar day ends: an exclusive upper bound for "until this day". */
export function endOfContestDay(day: string): Date {
	return new Date(startOfContestDay(day).getTime() + 24 * 60 * 60 * 1000);
}

/** Today's calendar day (YYYY-MM-DD) in China Standard Time. */
export function contestToday(now: Date = new Date()): string {
	return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
