import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNumbers, commitmentOf, drawOrder, entriesDigest, verifyDraw } from './shuffle';

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => encodeHexLowerCase(bytes));
const idsArb = fc.uniqueArray(fc.uuid(), { minLength: 0, maxLength: 60 });
const SEED = 'a'.repeat(64);

describe('the draw shuffle', () => {
	it('refuses to commit to a malformed seed', () => {
		expect(commitmentOf(SEED)).toMatch(/^[0-9a-f]{64}$/);
		expect(() => commitmentOf('XYZ')).toThrow();
	});

	it('gives the same mapping for the same seed, whatever order the ids come in', () => {
		fc.assert(
			fc.property(seedArb, idsArb, fc.integer(), (seed, ids, salt) => {
				const shuffledInput = [...ids].sort(() => (salt % 2 === 0 ? 1 : -1));
				expect(drawOrder(seed, shuffledInput)).toEqual(drawOrder(seed, ids));
				expect(drawOrder(seed, [...ids].reverse())).toEqual(drawOrder(seed, ids));
			})
		);
	});

	it('is a permutation of the entries', () => {
		fc.assert(
			fc.property(seedArb, idsArb, (seed, ids) => {
				const order = drawOrder(seed, ids);
				expect([...order].sort()).toEqual([...ids].sort());
				expect(assignNumbers(seed, ids).map((place) => place.value)).toEqual(ids.map((_, index) => index + 1));
			})
		);
	});

	it('orders differently under different seeds (almost always)', () => {
		const ids = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
		fc.assert(
			fc.property(seedArb, seedArb, (first, second) => {
				fc.pre(first !== second);
				// 20! orders: two seeds agreeing by chance has probability 4e-19.
				expect(drawOrder(first, ids)).not.toEqual(drawOrder(second, ids));
			})
		);
	});

	it('puts each entry first about equally often (no bias)', () => {
		const ids = ['a', 'b', 'c', 'd', 'e'];
		const firsts = new Map<string, number>();
		for (let round = 0; round < 5000; round++) {
			const seed = encodeHexLowerCase(sha256(new TextEncoder().encode(String(round))));
			const first = drawOrder(seed, ids)[0]!;
			firsts.set(first, (firsts.get(first) ?? 0) + 1);
		}
		// Expected 1000 each; ±150 is over 5 standard deviations.
		for (const id of ids) expect(Math.abs((firsts.get(id) ?? 0) - 1000)).toBeLessThan(150);
	});

	it('refuses an entry listed twice and a malformed seed', () => {
		expect(() => drawOrder(SEED, ['x', 'x'])).toThrow();
		expect(() => drawOrder('A'.repeat(64), ['x'])).toThrow();
	});

	it('hands out station labels in drawn order', () => {
		const ids = ['1', '2', '3'];
		const places = assignNumbers(SEED, ids, ['A01', 'A02', 'A03']);
		expect(places.map((place) => place.station)).toEqual(['A01', 'A02', 'A03']);
		expect(places.map((place) => place.entryId)).toEqual(drawOrder(SEED, ids));
	});

	it('verifies an honest draw and catches a tampered seed or result', () => {
		const ids = ['p', 'q', 'r', 's'];
		const result = assignNumbers(SEED, ids);
		const draw = { seed: SEED, commitment: commitmentOf(SEED), entryIds: ids, result };
		expect(verifyDraw(draw)).toEqual({ seedMatchesCommitment: true, resultMatches: true });
		expect(verifyDraw({ ...draw, seed: 'b'.repeat(64) }).seedMatchesCommitment).toBe(false);
		const swapped = result.map((place) => ({ ...place, value: place.value === 1 ? 2 : place.value === 2 ? 1 : place.value }));
		expect(verifyDraw({ ...draw, result: swapped }).resultMatches).toBe(false);
	});

	it('digests the set of entries independently of order', () => {
		expect(entriesDigest(['b', 'a'])).toBe(entriesDigest(['a', 'b']));
	});
});
