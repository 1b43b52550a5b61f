import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRound, SKILLS_CONTEST_TEMPLATE, type RoundInput, type Scheme } from '../scoring';
import { roundArbitrary, shuffle } from '../scoring/round-arbitraries';
import { canonicalDigestInput, canonicalJson } from './canonical';
import { diffStoredResults } from './diff';
import { buildPlacings } from './placings';
import type { StoredResult } from './stored-result';

const scheme: Scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
const sheet = (judgeId: string, percent: number) => ({
	judgeId,
	scores: { process: 20 * percent, precision: 35 * percent, surface: 20 * percent, completeness: 15 * percent, safety: 10 * percent }
});
const judges = ['j1', 'j2', 'j3', 'j4', 'j5'];
function input(percents: Record<string, number[]>, theory: Record<string, number>, defects: Record<string, number> = {}): RoundInput {
	return {
		entries: Object.entries(percents).map(([id, marks], index) => ({
			id,
			number: index + 1,
			sheets: { practical: marks.map((percent, judge) => sheet(judges[judge]!, percent)) },
			entered: { theory: theory[id] },
			deductions: defects[id] ? { practical: { defect: defects[id] } } : undefined
		}))
	};
}
const stored = (roundInput: RoundInput, awards: StoredResult['specialAwards'] = []): StoredResult => ({
	scheme,
	result: evaluateRound(scheme, roundInput),
	numbers: Object.fromEntries(roundInput.entries.map((entry) => [entry.id, entry.number + 100])),
	specialAwards: awards
});

describe('canonical JSON', () => {
	it('does not depend on key order and leaves out undefined members', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
		expect(canonicalJson({ a: { d: [2, { y: 2, z: 1 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }] } }));
	});

	it('writes what a sorted copy of every object would give (property)', () => {
		// The plain way: every object copied with its keys sorted (what canonicalJson did before it reused sorted objects).
		const sortedCopy = (value: unknown): unknown => {
			if (value === null || typeof value !== 'object') return value;
			if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortedCopy(item)));
			const record = value as Record<string, unknown>;
			return Object.fromEntries(Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => [key, sortedCopy(record[key])]));
		};
		const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('0', '1', '10', '2', '01', 'c10', 'c2', 'a', 'b'));
		const value = fc.letrec((tie) => ({
			any: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('object'), tie('array')),
			object: fc.dictionary(key, tie('any'), { maxKeys: 5 }),
			array: fc.array(tie('any'), { maxLength: 4 })
		})).any;
		fc.assert(fc.property(value, (generated) => canonicalJson(generated) === (JSON.stringify(sortedCopy(generated)) ?? 'null')));
	});

	it('keeps array order where it means something', () => {
		expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
	});

	it('gives the same digest input whatever order the entries and sheets came in (property)', () => {
		fc.assert(
			fc.property(roundArbitrary, fc.integer(), ({ scheme: generated, input: generatedInput }, seed) => {
				const reordered: RoundInput = {
					entries: shuffle(generatedInput.entries, seed).map((entry) => ({
						...entry,
						sheets: entry.sheets && Object.fromEntries(Object.entries(entry.sheets).reverse().map(([key, sheets]) => [key, shuffle(sheets, seed + 1)]))
					}))
				};
				expect(canonicalDigestInput(reordered, generated, 3)).toBe(canonicalDigestInput(generatedInput, generated, 3));
			}),
			{ numRuns: 60 }
		);
	});

	it('differs when a mark, the scheme or its version differs', () => {
		const base = input({ a: [80, 80, 80, 80, 80] }, { a: 9000 });
		const changed = input({ a: [80, 80, 80, 81, 80] }, { a: 9000 });
		expect(canonicalDigestInput(changed, scheme, 1)).not.toBe(canonicalDigestInput(base, scheme, 1));
		expect(canonicalDigestInput(base, scheme, 2)).not.toBe(canonicalDigestInput(base, scheme, 1));
		expect(canonicalDigestInput(base, { ...scheme, spreadThreshold: 1 }, 1)).not.toBe(canonicalDigestInput(base, scheme, 1));
	});
});

describe('the diff of two stored results', () => {
	const before = input({ a: [90, 90, 90, 90, 90], b: [80, 80, 80, 80, 80], c: [70, 70, 70, 70, 70] }, { a: 9000, b: 9000, c: 9000 });

	it('is empty between a result and itself', () => {
		expect(diffStoredResults(stored(before), stored(before)).entries).toEqual([]);
	});

	it('names the changed sheet, the moved numbers and ranks', () => {
		const after = input({ a: [90, 90, 90, 90, 90], b: [80, 80, 80, 80, 80], c: [95, 95, 95, 95, 70] }, { a: 9000, b: 9000, c: 9000 });
		const diff = diffStoredResults(stored(before), stored(after));
		const c = diff.entries.find((entry) => entry.entryId === 'c')!;
		// c: judges 1–4 give 95: trimmed mean of 95,95,95,95,70 drops one 95 and the 70 → 95; 0.2×90 + 0.8×95 = 94.
		expect(c.total).toEqual({ from: 7400, to: 9400 });
		expect(c.rank).toEqual({ from: 3, to: 1 });
		expect(c.components).toContainEqual({ componentKey: 'practical', from: 7000, to: 9500 });
		expect(c.why.sheets.map((change) => change.judgeId)).toEqual(['j1', 'j2', 'j3', 'j4']);
		expect(diff.entries.find((entry) => entry.entryId === 'a')!.rank).toEqual({ from: 1, to: 2 });
		expect(diff.schemeChanged).toBe(false);
	});

	it('names deduction counts, entered values and special awards', () => {
		const after = input({ a: [90, 90, 90, 90, 90], b: [80, 80, 80, 80, 80], c: [70, 70, 70, 70, 70] }, { a: 9000, b: 8500, c: 9000 }, { a: 2 });
		const diff = diffStoredResults(stored(before), stored(after, [{ entryId: 'c', title: '工匠特别奖', reason: '带徒' }]));
		expect(diff.entries.find((entry) => entry.entryId === 'a')!.why.deductions).toEqual([{ componentKey: 'practical', itemKey: 'defect', from: 0, to: 2 }]);
		expect(diff.entries.find((entry) => entry.entryId === 'b')!.why.entered).toEqual([{ componentKey: 'theory', from: 9000, to: 8500 }]);
		expect(diff.entries.find((entry) => entry.entryId === 'c')!.specialAward).toEqual({ from: null, to: '工匠特别奖' });
	});

	it('reports entries present in one version only', () => {
		const fewer = input({ a: [90, 90, 90, 90, 90], b: [80, 80, 80, 80, 80] }, { a: 9000, b: 9000 });
		const diff = diffStoredResults(stored(before), stored(fewer));
		expect(diff.entries.find((entry) => entry.entryId === 'c')!.presence).toBe('removed');
	});
});

describe('placing rows', () => {
	it('carry the number, rank, total, components, the tier’s Chinese label and special awards', () => {
		const roundInput = input(Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`e${index}`, [90 - index, 90 - index, 90 - index, 90 - index, 90 - index]])), Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`e${index}`, 8000])));
		const rows = buildPlacings(stored(roundInput, [{ entryId: 'e9', title: '最佳新人奖', reason: '进步显著' }]));
		expect(rows).toHaveLength(10);
		expect(rows[0]).toMatchObject({ entryId: 'e0', number: 101, rank: 1, total: 8800, components: { theory: 8000, practical: 9000 }, tierKey: 'first_prize', tierLabel: '一等奖', specialAward: null });
		expect(rows[9]).toMatchObject({ entryId: 'e9', tierKey: null, tierLabel: null, specialAward: '最佳新人奖' });
	});
});
