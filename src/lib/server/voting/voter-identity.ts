import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { addressPrefix } from '$lib/domain/voting';
import { deriveKey } from '../crypto/personal-data';

/**
 * Who a voter is, without keeping anything that identifies them: a device token (random id + HMAC, in an
 * httpOnly cookie) or a verified phone, turned into a keyed hash — the voter key. Address prefixes and user
 * agents are stored only as keyed hashes too. All with the installation's `voter-token` key.
 */

export const VOTER_COOKIE = 'jx_voter';
/** A year: the token is a device's, not a session's. */
export const VOTER_COOKIE_MAX_AGE = 365 * 24 * 3600;

const keyed = (text: string) => createHmac('sha256', deriveKey('voter-token')).update(text).digest('base64url');

/** `answer` remembered for the texts a burst repeats thousands of times; bounded: forgotten all at once when full. */
function remembered(answer: (text: string) => string, limit: number): (text: string) => string {
	const known = new Map<string, string>();
	return (text) => {
		let value = known.get(text);
		if (value === undefined) {
			if (known.size >= limit) known.clear();
			known.set(text, (value = answer(text)));
		}
		return value;
	};
}

/**
 * A keyed hash remembered for the texts a burst repeats (a device's votes, the few user agents and
 * address prefixes of a WeChat group): an HMAC per vote and field was a tenth of the voting server's
 * CPU. Forgotten when the key changes.
 */
function rememberedKeyed(prefix: string, limit = 20_000): (text: string) => string {
	const rememberHashes = () => remembered((known: string) => keyed(`${prefix}${known}`), limit);
	// The key is read on first use, not at import: the secret key may not be set up yet then.
	let keyOfKnown: Buffer | null = null;
	let hash = rememberHashes();
	return (text) => {
		const key = deriveKey('voter-token');
		if (key !== keyOfKnown) {
			hash = rememberHashes();
			keyOfKnown = key;
		}
		return hash(text);
	};
}

/**
 * A device token's signature, remembered: a phone sends the same token with each of its day's votes,
 * and checking it was the largest HMAC of a vote (bench/voting.bench.ts). The check still compares in
 * constant time; a forged id only costs its own HMAC, as before.
 */
const tokenSignature = rememberedKeyed('token:');

/** A fresh device token: "<id>.<signature>". */
export function newVoterToken(): string {
	const id = randomBytes(16).toString('base64url');
	return `${id}.${tokenSignature(id)}`;
}

/** The token's id when its signature is ours, else null (a forged or damaged cookie counts as none). */
export function readVoterToken(token: string | undefined | null): string | null {
	const [id, signature, extra] = (token ?? '').split('.');
	if (!id || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
	const expected = Buffer.from(tokenSignature(id));
	const given = Buffer.from(signature);
	return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

const deviceHash = rememberedKeyed('device:');
export const deviceVoterKey = (tokenId: string) => `d:${deviceHash(tokenId)}`;
export const phoneVoterKey = (phone: string) => `p:${keyed(`phone:${phone}`)}`;
export const phoneHash = (roundId: string, phone: string) => keyed(`verify:${roundId}:${phone}`);
export const codeHash = (verificationId: string, code: string) => keyed(`code:${verificationId}:${code}`);
const prefixHash = rememberedKeyed('prefix:');
const agentHash = rememberedKeyed('ua:', 2_000);
/** Parsing the address was a few per cent of a burst too; the prefix of an address never changes. */
const prefixOfAddress = remembered(addressPrefix, 20_000);
export const addressPrefixHash = (address: string | null) => prefixHash(prefixOfAddress(address ?? ''));
export const userAgentHash = (userAgent: string | null) => agentHash((userAgent ?? '').slice(0, 1000));

/** After a verified phone: a cookie binding this device to the phone's voter key for one round. */
export function signVerifiedVoter(roundId: string, voterKey: string, expiresAt: Date): string {
	const body = `${roundId}~${voterKey}~${expiresAt.getTime()}`;
	return `${body}~${keyed(`verified:${body}`)}`;
}

export function readVerifiedVoter(cookie: string | undefined | null, roundId: string, now: Date): string | null {
	const parts = (cookie ?? '').split('~');
	if (parts.length !== 4) return null;
	const [round, voterKey, expires, signature] = parts as [string, string, string, string];
	const expected = Buffer.from(keyed(`verified:${round}~${voterKey}~${expires}`));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return round === roundId && Number(expires) > now.getTime() ? voterKey : null;
}

export const verifiedCookieName = (roundId: string) => `jx_vv_${roundId.replace(/-/g, '').slice(0, 12)}`;
