/** The organiser's serial pattern: a prefix, the issue year and a zero-padded sequence (JX-2026-0007). */
export interface SerialPattern {
	prefix: string;
	width: number;
}

/**
 * A certificate's serial number: `PREFIX-YEAR-SEQUENCE`, the sequence padded to the pattern's width
 * (a sequence longer than the width is printed in full, never cut, so serials stay distinct).
 */
export function formatSerial(pattern: SerialPattern, year: number, sequence: number): string {
	if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence ${sequence}`);
	return `${pattern.prefix}-${year}-${String(sequence).padStart(pattern.width, '0')}`;
}

/** The calendar year in Shanghai (a certificate issued at 00:30 on New Year's Day there counts for the new year). */
export function shanghaiYear(now: Date): number {
	return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** The calendar date in Shanghai as YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
