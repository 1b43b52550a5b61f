/**
 * Identity documents a contestant may register with, each checked by its own rule. Pure: the caller
 * passes today's date (Asia/Shanghai) so a birth date in the future is refused deterministically.
 */

export type IdType = 'resident_id' | 'residence_permit' | 'hk_macao_permit' | 'taiwan_permit' | 'passport';
export const ID_TYPES: readonly IdType[] = ['resident_id', 'residence_permit', 'hk_macao_permit', 'taiwan_permit', 'passport'];

export type Gender = 'female' | 'male';
export type IdProblem = 'format' | 'checksum' | 'region' | 'birth_date';

export type IdCheck =
	| { ok: true; value: string; birthDate: string | null; gender: Gender | null }
	| { ok: false; problem: IdProblem };

// GB 11643-1999: weights of the first 17 characters and the check character for each remainder mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

// Province-level codes of the mainland (the first two digits of a 居民身份证).
const MAINLAND_PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]);
// 港澳台居民居住证 numbers start with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
const PERMIT_PREFIXES = new Set(['810000', '820000', '830000']);

const OLDEST_AGE_YEARS = 120;

/**
 * Spaces removed and letters upper-cased, as people type and paste numbers. Full-width digits and
 * letters (１２３Ｘ, which Chinese input methods produce) become their ASCII forms (NFKC) first.
 */
export function normaliseIdNumber(raw: string): string {
	return raw.normalize('NFKC').replace(/[\s\u3000]/g, '').toUpperCase();
}

/** The GB 11643 check character of the first 17 digits. */
export function gb11643CheckCharacter(first17: string): string {
	let sum = 0;
	for (let index = 0; index < 17; index++) sum += Number(first17[index]) * WEIGHTS[index]!;
	return CHECK_CHARACTERS[sum % 11]!;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `today` is YYYY-MM-DD. A birth date must be a real day, not in the future, at most 120 years ago. */
function plausibleBirthDate(digits: string, today: string): string | null {
	const year = Number(digits.slice(0, 4));
	const month = Number(digits.slice(4, 6));
	const day = Number(digits.slice(6, 8));
	if (!isCalendarDate(year, month, day)) return null;
	const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
	const oldest = `${String(Number(today.slice(0, 4)) - OLDEST_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
	return iso <= today && iso >= oldest ? iso : null;
}

/** The 18-character numbers (居民身份证 and 港澳台居民居住证): format, region, birth date, checksum. */
function checkEighteen(value: string, today: string, regionOk: (value: string) => boolean): IdCheck {
	if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
	if (!regionOk(value)) return { ok: false, problem: 'region' };
	const birthDate = plausibleBirthDate(value.slice(6, 14), today);
	if (!birthDate) return { ok: false, problem: 'birth_date' };
	if (gb11643CheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
	// The 17th digit (the sequence's last) is odd for men, even for women.
	const gender: Gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
	return { ok: true, value, birthDate, gender };
}

const PATTERNS: Record<'hk_macao_permit' | 'taiwan_permit' | 'passport', RegExp> = {
	// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) and 8 digits; cards before 2013 add a
	// two-digit issue count.
	hk_macao_permit: /^[HM]\d{8}(\d{2})?$/,
	// 台湾居民来往大陆通行证 (台胞证): 8 digits on every card issued since 2015 (the older ones have expired).
	taiwan_permit: /^\d{8}$/,
	// Passports: ICAO 9303 allows up to 9 characters in the machine-readable zone, but some countries print
	// longer numbers; letters and digits only.
	passport: /^[A-Z0-9]{5,17}$/
};

/** Checks an identity document number by its type's rule; on success gives it normalised. */
export function checkIdNumber(type: IdType, raw: string, today: string): IdCheck {
	const value = normaliseIdNumber(raw);
	switch (type) {
		case 'resident_id':
			return checkEighteen(value, today, (number) => MAINLAND_PROVINCES.has(Number(number.slice(0, 2))));
		case 'residence_permit':
			return checkEighteen(value, today, (number) => PERMIT_PREFIXES.has(number.slice(0, 6)));
		default:
			return PATTERNS[type].test(value) ? { ok: true, value, birthDate: null, gender: null } : { ok: false, problem: 'format' };
	}
}

/** As shown anywhere public or to people who did not ask for it: `330523********1234`, `H******78`. */
export function maskIdNumber(value: string): string {
	if (value.length === 18) return `${value.slice(0, 6)}${'*'.repeat(8)}${value.slice(14)}`;
	const shown = value.length > 6 ? 2 : 1;
	return `${value.slice(0, 1)}${'*'.repeat(Math.max(3, value.length - 1 - shown))}${value.slice(-shown)}`;
}

/** A mainland mobile number: 11 digits starting 13–19. */
export function isMainlandMobile(value: string): boolean {
	return /^1[3-9]\d{9}$/.test(value);
}

/** `138****5678`. */
export function maskPhone(value: string): string {
	return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : '*'.repeat(value.length);
}
