import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentOf, drawOrder, entriesDigest } from '$lib/domain/draw/shuffle';
import { drawOrder as scriptDrawOrder } from '../../../../scripts/verify-draw.mjs';

// The published algorithm written again from its description, on node:crypto instead of the
// browser-ready @oslojs code the platform runs: the two (and the downloadable verifier) must agree.

/** The algorithm again, from its description only, on node:crypto: the two must always agree. */
function independentDrawOrder(seedHex: string, ids: string[]): string[] {
	const key = Buffer.from(seedHex, 'hex');
	const list = [...ids].sort();
	let counter = 0n;
	const next = () => {
		const message = Buffer.alloc(8);
		message.writeBigUInt64BE(counter++);
		return createHmac('sha256', key).update(message).digest().readUInt32BE(0);
	};
	for (let i = list.length - 1; i > 0; i--) {
		const bound = i + 1;
		const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
		let r = next();
		while (r >= limit) r = next();
		const j = r % bound;
		const swap = list[i]!;
		list[i] = list[j]!;
		list[j] = swap;
	}
	return list;
}

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
const idsArb = fc.uniqueArray(fc.uuid(), { minLength: 0, maxLength: 80 });

describe('the draw algorithm, checked independently', () => {
	it('agrees with a re-implementation on node:crypto and with the standalone verifier script', () => {
		fc.assert(
			fc.property(seedArb, idsArb, (seed, ids) => {
				const ours = drawOrder(seed, ids);
				expect(ours).toEqual(independentDrawOrder(seed, ids));
				expect(ours).toEqual(scriptDrawOrder(seed, ids));
			}),
			{ numRuns: 300 }
		);
	});

	it('commits to the SHA-256 of the seed bytes and digests the sorted ids joined by new lines', () => {
		fc.assert(
			fc.property(seedArb, (seed) => {
				expect(commitmentOf(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
			})
		);
		expect(entriesDigest(['b', 'a'])).toBe(createHash('sha256').update('a\nb').digest('hex'));
	});

	it('gives a known order for a known seed (a fixed example for the README)', () => {
		const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
		expect(drawOrder('00'.repeat(32), ids)).toEqual(independentDrawOrder('00'.repeat(32), ids));
	});
});
