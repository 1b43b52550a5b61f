/**
 * One-time sign-in codes for judges on a shared tablet: short enough to type, from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 5/S, 2/Z), valid until the end of the day they were made in China.
 */

export const CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 8;

/** A fresh code from random bytes (one byte per character; rejection sampling keeps it unbiased). */
export function generateSignInCode(randomByte: () => number): string {
	const limit = 256 - (256 % CODE_ALPHABET.length);
	let code = '';
	while (code.length < CODE_LENGTH) {
		const byte = randomByte();
		if (byte < limit) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
	}
	return code;
}

/**
 * What a person typed, as the code it means: case, spaces, dashes and full-width forms ignored.
 * Undefined when it cannot be a code (so nothing else is ever looked up).
 */
export function normaliseSignInCode(typed: string): string | undefined {
	const code = typed
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return undefined;
	for (const character of code) if (!CODE_ALPHABET.includes(character)) return undefined;
	return code;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The end of the calendar day of `now` in Asia/Shanghai (UTC+8 all year; China keeps no summer time). */
export function endOfChinaDay(now: Date): Date {
	const local = now.getTime() + CHINA_OFFSET_MS;
	return new Date(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - CHINA_OFFSET_MS);
}

/** Shown on the printed card as 4 + 4 characters, easier to read out and type. */
export function formatSignInCode(code: string): string {
	return `${code.slice(0, 4)} ${code.slice(4)}`;
}
