import { createHmac, createSecretKey, randomInt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey as shaDeriveKey } from 'altcha-lib/algorithms/sha';
import { deriveKey } from '../crypto/personal-data';

/**
 * Proof of work with ALTCHA (v2 protocol, the widget 3.x speaks it): the server picks a secret counter
 * in [cost/2, cost] and publishes the prefix of the SHA-256 key it derives; the browser tries counters
 * from 0 until its key matches, so `cost` is how many hashes a vote may take. The challenge is signed
 * (HMAC with a key derived from the installation's secret) and names the round, so a cheap challenge
 * cannot be carried elsewhere or edited. Verification is stateless: single use is the caller's job
 * (vote_challenge), keyed by the challenge's signature.
 *
 * Our own challenges (they all carry a key signature) are verified with node:crypto's HMAC, the same
 * checks as altcha-lib's verifySolution in the same order: the library computes each HMAC through
 * WebCrypto with a fresh imported key, which took a third of the server's CPU in a voting burst
 * (bench/voting.bench.ts). A test checks both agree on good, tampered, expired and malformed payloads;
 * anything not in our shape still goes to the library.
 */

const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

interface Secrets {
	/** As altcha-lib takes them. */
	signature: string;
	key: string;
	/** The same secrets imported once, for our own checks (an HMAC keyed by text imports its key on every call). */
	signatureKey: KeyObject;
	keyKey: KeyObject;
}

let secrets: Secrets | null = null;
function hmacSecrets(): Secrets {
	if (!secrets) {
		const signature = deriveKey('voter-token').toString('hex') + ':altcha';
		const key = deriveKey('voter-token').toString('hex') + ':altcha-key';
		secrets = { signature, key, signatureKey: createSecretKey(Buffer.from(signature)), keyKey: createSecretKey(Buffer.from(key)) };
	}
	return secrets;
}

export async function createVoteChallenge(roundId: string, cost: number, now: Date): Promise<Challenge> {
	const { signature, key } = hmacSecrets();
	return createChallenge({
		algorithm: 'SHA-256',
		cost: 1,
		counter: randomInt(Math.floor(cost / 2), cost + 1),
		deriveKey: shaDeriveKey,
		data: { round: roundId },
		expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
		hmacSignatureSecret: signature,
		hmacKeySignatureSecret: key
	});
}

export type ProofCheck = { ok: true; proofId: string; expiresAt: Date } | { ok: false };

/** Checks a widget payload (base64 JSON) for this round: signed by us, unexpired, solved. */
export function verifyVoteProof(payloadText: string, roundId: string): Promise<ProofCheck> {
	return checkProof(payloadText, roundId, (payload, secrets) => (typeof payload.challenge.parameters.keySignature === 'string' ? ownChallengeVerified(payload, secrets) : libraryVerified(payload, secrets)));
}

/** The same check done by altcha-lib alone (what the fast path must agree with). */
export function verifyVoteProofWithLibrary(payloadText: string, roundId: string): Promise<ProofCheck> {
	return checkProof(payloadText, roundId, libraryVerified);
}

async function checkProof(payloadText: string, roundId: string, verified: (payload: Payload, secrets: Secrets) => boolean | Promise<boolean>): Promise<ProofCheck> {
	let payload: Payload;
	try {
		payload = JSON.parse(Buffer.from(payloadText, 'base64').toString('utf8')) as Payload;
	} catch {
		return { ok: false };
	}
	const challenge = payload?.challenge;
	if (!challenge || typeof challenge !== 'object' || typeof challenge.signature !== 'string' || !challenge.parameters || typeof challenge.parameters !== 'object') return { ok: false };
	if (!(await verified(payload, hmacSecrets())) || challenge.parameters.data?.round !== roundId || !challenge.parameters.expiresAt) return { ok: false };
	return { ok: true, proofId: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
}

async function libraryVerified({ challenge, solution }: Payload, { signature, key }: Secrets): Promise<boolean> {
	try {
		return (await verifySolution({ challenge, solution, deriveKey: shaDeriveKey, hmacSignatureSecret: signature, hmacKeySignatureSecret: key })).verified;
	} catch {
		return false;
	}
}

/**
 * altcha-lib's canonical JSON, what it signs: JSON.stringify of the value with the keys of every object
 * sorted (arrays kept as they are) and undefined members left out. Written as text directly: building
 * the sorted copy first was a few per cent of a voting burst's CPU.
 */
function canonicalJson(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
	const object = value as Record<string, unknown>;
	let members = '';
	for (const name of Object.keys(object).sort()) {
		const member = object[name] === undefined ? undefined : canonicalJson(object[name]);
		if (member !== undefined) members += `${members ? ',' : ''}${JSON.stringify(name)}:${member}`;
	}
	return `{${members}}`;
}

const hmacHex = (secret: KeyObject, data: string | Buffer) => createHmac('sha256', secret).update(data).digest('hex');

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** verifySolution's checks for a challenge with a key signature: unexpired, signed by us, a well-formed solution whose key we signed. */
function ownChallengeVerified({ challenge, solution }: Payload, { signatureKey, keyKey }: Secrets): boolean {
	const { parameters } = challenge;
	if (parameters.expiresAt !== undefined && typeof parameters.expiresAt !== 'number') return false;
	if (parameters.expiresAt && parameters.expiresAt < Date.now() / 1000) return false;
	if (!challenge.signature || !sameText(challenge.signature, hmacHex(signatureKey, canonicalJson(parameters) ?? ''))) return false;
	const derivedKey: unknown = solution?.derivedKey;
	const counter: unknown = solution?.counter;
	if (typeof derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(derivedKey)) return false;
	if (!Number.isInteger(counter) || (counter as number) < 0 || (counter as number) > 0xffffffff) return false;
	return sameText(parameters.keySignature as string, hmacHex(keyKey, Buffer.from(derivedKey, 'hex')));
}
