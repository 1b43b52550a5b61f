import { randomInt } from 'node:crypto';
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
 */

const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

let secrets: { signature: string; key: string } | null = null;
function hmacSecrets() {
	secrets ??= { signature: deriveKey('voter-token').toString('hex') + ':altcha', key: deriveKey('voter-token').toString('hex') + ':altcha-key' };
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
export async function verifyVoteProof(payloadText: string, roundId: string): Promise<ProofCheck> {
	let payload: Payload;
	try {
		payload = JSON.parse(Buffer.from(payloadText, 'base64').toString('utf8')) as Payload;
	} catch {
		return { ok: false };
	}
	const challenge = payload?.challenge;
	if (!challenge || typeof challenge !== 'object' || typeof challenge.signature !== 'string' || !challenge.parameters || typeof challenge.parameters !== 'object') return { ok: false };
	const { signature, key } = hmacSecrets();
	try {
		const result = await verifySolution({ challenge, solution: payload.solution, deriveKey: shaDeriveKey, hmacSignatureSecret: signature, hmacKeySignatureSecret: key });
		if (!result.verified || challenge.parameters.data?.round !== roundId || !challenge.parameters.expiresAt) return { ok: false };
		return { ok: true, proofId: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
	} catch {
		return { ok: false };
	}
}
