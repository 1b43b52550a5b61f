import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stateDir } from '../storage/state-dir';

/**
 * Personal data at rest (PIPL): ID numbers are encrypted with AES-256-GCM and found again through a
 * keyed hash (HMAC-SHA-256), so duplicates are caught without decrypting anyone. Both keys are derived
 * (HKDF) from one secret: `JIANGXIN_SECRET_KEY` (32 bytes as 64 hex digits or base64), or else a key
 * generated once into `<state dir>/secret.key` with mode 0600. Losing that key loses every ID number:
 * README says to back it up.
 */

const KEY_FILE = 'secret.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type KeyPurpose = 'id-number-encryption' | 'id-number-hash' | 'draw-seed-encryption' | 'voter-token' | 'objector-contact' | 'objector-address';

function parseSecret(text: string, origin: string): Buffer {
	const trimmed = text.trim();
	const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
	if (key.length !== 32) throw new Error(`${origin} must be 32 bytes, written as 64 hex digits or in base64 (e.g. \`openssl rand -base64 32\`).`);
	return key;
}

/** Reads the key file, or creates it atomically (two processes starting at once agree on one key). */
function keyFromFile(directory: string): Buffer {
	const file = path.join(directory, KEY_FILE);
	if (!fs.existsSync(file)) {
		fs.mkdirSync(directory, { recursive: true });
		const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
		fs.writeFileSync(draft, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
		try {
			fs.linkSync(draft, file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			fs.unlinkSync(draft);
		}
	}
	return parseSecret(fs.readFileSync(file, 'utf8'), file);
}

const KEY = Symbol.for('jiangxin.secret-key');
const holder = globalThis as unknown as Record<symbol, Buffer | undefined>;

function masterKey(): Buffer {
	holder[KEY] ??= process.env.JIANGXIN_SECRET_KEY ? parseSecret(process.env.JIANGXIN_SECRET_KEY, 'JIANGXIN_SECRET_KEY') : keyFromFile(stateDir());
	return holder[KEY];
}

const derived = new Map<KeyPurpose, Buffer>();

/** A separate key per purpose, so no two uses ever share key material. */
export function deriveKey(purpose: KeyPurpose): Buffer {
	let key = derived.get(purpose);
	if (!key) {
		key = Buffer.from(hkdfSync('sha256', masterKey(), Buffer.alloc(0), `jiangxin ${purpose} v1`, 32));
		derived.set(purpose, key);
	}
	return key;
}

/** Loads (or creates) the key now, so a bad `JIANGXIN_SECRET_KEY` stops the server at start, not at the first registration. */
export function ensureSecretKey(): void {
	deriveKey('id-number-encryption');
}

// Fresh IVs are cut from a pool of random bytes filled 4 KB at a time (as randomUUID does): an import
// encrypting 10,000 ID numbers asked the generator 10,000 times. Every IV is still 12 random bytes
// that no other IV shares (the offset only moves forward and the pool is refilled, never reused).
const IV_POOL_BYTES = IV_BYTES * 341;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function freshIv(): Buffer {
	if (ivOffset + IV_BYTES > ivPool.length) {
		ivPool = randomBytes(IV_POOL_BYTES);
		ivOffset = 0;
	}
	const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
	ivOffset += IV_BYTES;
	return iv;
}

/** base64(iv ‖ tag ‖ ciphertext). */
export function encryptText(plain: string, purpose: KeyPurpose = 'id-number-encryption'): string {
	const iv = freshIv();
	const cipher = createCipheriv('aes-256-gcm', deriveKey(purpose), iv);
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the text was not made with this installation's key or was altered. */
export function decryptText(sealed: string, purpose: KeyPurpose = 'id-number-encryption'): string {
	const bytes = Buffer.from(sealed, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', deriveKey(purpose), bytes.subarray(0, IV_BYTES));
	decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
	return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Hex HMAC-SHA-256 of a normalised ID number: equal numbers, equal hashes; nothing to read back. */
export function idNumberHash(normalised: string): string {
	return createHmac('sha256', deriveKey('id-number-hash')).update(normalised).digest('hex');
}

/** For tests: forget the cached keys (e.g. after changing JIANGXIN_SECRET_KEY). */
export function forgetKeys(): void {
	holder[KEY] = undefined;
	derived.clear();
}
