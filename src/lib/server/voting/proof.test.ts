import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createVoteChallenge as CreateVoteChallenge, verifyVoteProof as VerifyVoteProof, verifyVoteProofWithLibrary as VerifyWithLibrary } from './proof';

// The proof's HMAC keys come from the installation secret; a fixed one keeps this test off the data directory.
process.env.JIANGXIN_SECRET_KEY ||= 'c'.repeat(64);
let createVoteChallenge: typeof CreateVoteChallenge;
let verifyVoteProof: typeof VerifyVoteProof;
let verifyVoteProofWithLibrary: typeof VerifyWithLibrary;

const ROUND = '0b6c3f6e-6a43-4d0e-9d3c-3f1d2b8a9c11';
const OTHER_ROUND = '5d1f2a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
type Payload = { challenge: { parameters: Record<string, unknown>; signature: string }; solution: Record<string, unknown> | null };
const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');

async function solved(at = new Date()): Promise<Payload> {
	const challenge = await createVoteChallenge(ROUND, 4, at);
	const solution = await solveChallenge({ challenge, deriveKey });
	return JSON.parse(JSON.stringify({ challenge, solution })) as Payload;
}

/** Both verifiers give the same answer; returns it. */
async function agreed(payloadText: string, round = ROUND) {
	const fast = await verifyVoteProof(payloadText, round);
	expect(fast).toEqual(await verifyVoteProofWithLibrary(payloadText, round));
	return fast;
}

beforeAll(async () => {
	({ createVoteChallenge, verifyVoteProof, verifyVoteProofWithLibrary } = await import('./proof'));
});

describe('vote proof verification (node:crypto fast path against altcha-lib)', () => {
	it('accepts a solved challenge of this round, and names it by its signature', async () => {
		const payload = await solved();
		const check = await agreed(encode(payload));
		expect(check).toEqual({ ok: true, proofId: payload.challenge.signature, expiresAt: new Date((payload.challenge.parameters.expiresAt as number) * 1000) });
	});

	it('refuses another round, an expired challenge, and a solution with a wrong or badly written key', async () => {
		const payload = await solved();
		expect((await agreed(encode(payload), OTHER_ROUND)).ok).toBe(false);
		expect((await agreed(encode(await solved(new Date(Date.now() - 11 * 60_000))))).ok).toBe(false);
		const key = payload.solution!.derivedKey as string;
		const wrongKey = (key[0] === '0' ? '1' : '0') + key.slice(1);
		for (const solution of [{ ...payload.solution, derivedKey: wrongKey }, { ...payload.solution, derivedKey: key.toUpperCase() }, { ...payload.solution, derivedKey: key.slice(1) }, null, {}])
			expect((await agreed(encode({ ...payload, solution }))).ok).toBe(false);
		for (const counter of [-1, 1.5, 2 ** 32, '3', null]) expect((await agreed(encode({ ...payload, solution: { ...payload.solution, counter } }))).ok).toBe(false);
	});

	it('refuses edited parameters, signatures and key signatures, and a challenge without its key signature', async () => {
		const payload = await solved();
		const { parameters, signature } = payload.challenge;
		const edits: Payload['challenge'][] = [
			{ parameters: { ...parameters, data: { round: OTHER_ROUND } }, signature },
			{ parameters: { ...parameters, expiresAt: (parameters.expiresAt as number) + 3600 }, signature },
			{ parameters: { ...parameters, keyPrefix: '00' }, signature },
			{ parameters, signature: signature.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a')) },
			{ parameters, signature: signature.toUpperCase() },
			{ parameters: { ...parameters, keySignature: (parameters.keySignature as string).replace(/^./, (first) => (first === 'a' ? 'b' : 'a')) }, signature },
			{ parameters: Object.fromEntries(Object.entries(parameters).filter(([name]) => name !== 'keySignature')), signature }
		];
		for (const challenge of edits) expect((await agreed(encode({ ...payload, challenge })))).toEqual({ ok: false });
	});

	it('refuses what is not a payload at all', async () => {
		for (const text of ['', 'not base64 json', encode(null), encode([]), encode({ challenge: {} }), encode({ challenge: { parameters: {}, signature: 1 } })])
			expect(await agreed(text)).toEqual({ ok: false });
	});

	it('agrees with altcha-lib whatever one field of the payload is changed to', async () => {
		const payload = await solved();
		const paths = [...Object.keys(payload.challenge.parameters).map((name) => ['challenge', 'parameters', name]), ['challenge', 'signature'], ['solution', 'counter'], ['solution', 'derivedKey']];
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...paths), fc.oneof(fc.string(), fc.integer(), fc.string({ unit: fc.constantFrom(...'0123456789abcdef') }), fc.constant(null), fc.jsonValue()), async (path, value) => {
				const copy = JSON.parse(JSON.stringify(payload)) as Record<string, Record<string, unknown>>;
				let target: Record<string, unknown> = copy;
				for (const step of path.slice(0, -1)) target = target[step] as Record<string, unknown>;
				target[path.at(-1)!] = value;
				await agreed(encode(copy));
			}),
			{ numRuns: 300 }
		);
	});
});
