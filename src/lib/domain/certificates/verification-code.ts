/** Letters and digits a person can read back without confusing them (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;
export const CODE_PATTERN = /^[A-Z2-9]{12}$/;

/**
 * A verification code from random bytes (about 59 bits for 12 characters): unguessable, so the public
 * page cannot be walked. Rejection sampling keeps every character equally likely.
 */
export function verificationCode(randomBytes: (size: number) => Uint8Array): string {
	let code = '';
	const limit = 256 - (256 % CODE_ALPHABET.length);
	while (code.length < CODE_LENGTH) {
		for (const byte of randomBytes(CODE_LENGTH * 2)) {
			if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
		}
	}
	return code;
}
