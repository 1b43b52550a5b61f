import { hmac } from '@oslojs/crypto/hmac';
import { sha256, SHA256 } from '@oslojs/crypto/sha2';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * The draw's deterministic shuffle (抽签算法), written so anyone can recompute a published draw:
 *
 * 1. The seed is 32 random bytes, written as 64 lowercase hex digits. Before the draw runs only its
 *    commitment is published: SHA-256 of the 32 seed bytes (not of the hex text), in hex.
 * 2. The entries are the entry ids (lowercase UUIDs) sorted ascending as plain text, so the order they
 *    were listed in does not matter.
 * 3. Random numbers come from HMAC-SHA256(key = the 32 seed bytes, message = counter as 8 bytes
 *    big-endian), counter = 0, 1, 2, … one per call; a call's number is the first 4 bytes of the
 *    result read as an unsigned big-endian integer r (0 ≤ r < 2³²).
 * 4. Fisher–Yates: for i from n − 1 down to 1, pick j uniform in 0..i and swap positions i and j.
 *    j is r mod (i + 1), but r is first rejected (and the next counter drawn) while
 *    r ≥ 2³² − (2³² mod (i + 1)), so that every j is exactly equally likely.
 * 5. The shuffled list is the draw's order: position k (from 1) gets number k — the contestant number
 *    in stage 1, the running order (and the k-th station label) in stage 2, the marking number in stage 3.
 *
 * Pure: no I/O, and the same code runs in the browser's verifier.
 */

const SEED_PATTERN = /^[0-9a-f]{64}$/;
const TWO_32 = 2 ** 32;

export function isSeedHex(text: string): boolean {
	return SEED_PATTERN.test(text);
}

function seedBytes(seedHex: string): Uint8Array {
	if (!isSeedHex(seedHex)) throw new Error('A draw seed is 64 lowercase hex digits (32 bytes).');
	return decodeHex(seedHex);
}

/** SHA-256 of the 32 seed bytes, in lowercase hex: what is published before the draw runs. */
export function commitmentOf(seedHex: string): string {
	return encodeHexLowerCase(sha256(seedBytes(seedHex)));
}

/** SHA-256 of the sorted entry ids joined with "\n": one short value naming the exact set drawn. */
export function entriesDigest(entryIds: readonly string[]): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(sortedIds(entryIds).join('\n'))));
}

export function sortedIds(entryIds: readonly string[]): string[] {
	return [...entryIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The unbounded stream of 32-bit numbers a seed gives, one HMAC per number. */
function randomStream(key: Uint8Array): () => number {
	let counter = 0;
	return () => {
		const message = new Uint8Array(8);
		new DataView(message.buffer).setBigUint64(0, BigInt(counter++));
		const mac = hmac(SHA256, key, message);
		return new DataView(mac.buffer, mac.byteOffset, 4).getUint32(0);
	};
}

/** A uniform integer in 0..bound−1 by rejection sampling (no modulo bias). */
function uniformBelow(next: () => number, bound: number): number {
	const limit = TWO_32 - (TWO_32 % bound);
	for (;;) {
		const value = next();
		if (value < limit) return value % bound;
	}
}

/** The entry ids in the order the seed draws them (see the algorithm above). */
export function drawOrder(seedHex: string, entryIds: readonly string[]): string[] {
	const order = sortedIds(entryIds);
	if (new Set(order).size !== order.length) throw new Error('Each entry may be drawn once.');
	const next = randomStream(seedBytes(seedHex));
	for (let i = order.length - 1; i >= 1; i--) {
		const j = uniformBelow(next, i + 1);
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return order;
}

export interface DrawnPlace {
	entryId: string;
	/** Position in the drawn order, from 1: the number the stage gives. */
	value: number;
	/** Stage 2 only: the station at that position, when station labels were committed. */
	station?: string;
}

/** Numbers 1..n in drawn order, with the station label of each position when there are labels. */
export function assignNumbers(seedHex: string, entryIds: readonly string[], stationLabels: readonly string[] = []): DrawnPlace[] {
	return drawOrder(seedHex, entryIds).map((entryId, index) => ({
		entryId,
		value: index + 1,
		...(stationLabels.length > 0 ? { station: stationLabels[index] } : {})
	}));
}

/** Whether a revealed seed matches its commitment and recomputes exactly the published places. */
export function verifyDraw(
	draw: { seed: string; commitment: string; entryIds: readonly string[]; stationLabels?: readonly string[]; result: readonly DrawnPlace[] }
): { seedMatchesCommitment: boolean; resultMatches: boolean } {
	if (!isSeedHex(draw.seed)) return { seedMatchesCommitment: false, resultMatches: false };
	const seedMatchesCommitment = commitmentOf(draw.seed) === draw.commitment;
	const expected = assignNumbers(draw.seed, draw.entryIds, draw.stationLabels ?? []);
	const published = new Map(draw.result.map((place) => [place.entryId, place]));
	const resultMatches =
		expected.length === draw.result.length &&
		expected.every((place) => {
			const other = published.get(place.entryId);
			return other !== undefined && other.value === place.value && (other.station ?? undefined) === place.station;
		});
	return { seedMatchesCommitment, resultMatches };
}
