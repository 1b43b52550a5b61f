import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRound } from './evaluate';
import type { RoundResult } from './results';
import { roundArbitrary, shuffle } from './round-arbitraries';
import type { EntryInput, JudgesComponent, RoundInput, SheetInput } from './types';

const RUNS = { numRuns: 300 };

/** Results as JSON, bigint parts written as numbers, so the Number and bigint paths compare equal. */
const normalise = (result: RoundResult) => JSON.parse(JSON.stringify(result, (_, value) => (typeof value === 'bigint' ? Number(value) : value)));

/**
 * An independent transcription of the judges formula with bigint fractions over Π max × Σ w:
 * R_j = Σ_c (s_jc ÷ max_c) × w_c × 100 ÷ Σ_c w_c, aggregated, minus deductions, rounded half-up.
 */
function referenceJudgesValue(component: JudgesComponent, sheets: readonly SheetInput[], defects: number): number {
	const criteria = component.criteria.map((criterion) => ({ key: criterion.key, max: BigInt(criterion.max), weight: BigInt(criterion.weight ?? criterion.max) }));
	const product = criteria.reduce((all, criterion) => all * criterion.max, 1n);
	const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0n);
	const complete = sheets.filter((sheet) => criteria.every(({ key, max }) => Number.isInteger(sheet.scores[key]) && BigInt(sheet.scores[key] as number) <= max));
	const combine = (marks: (key: string) => bigint) => criteria.reduce((sum, { key, max, weight }) => sum + marks(key) * weight * (product / max), 0n);
	const pick = (values: bigint[]): bigint[] => {
		const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const aggregation = component.aggregation ?? { method: 'mean' };
		if (aggregation.method === 'median') return sorted.length % 2 ? [sorted[(sorted.length - 1) / 2]!] : sorted.slice(sorted.length / 2 - 1, sorted.length / 2 + 1);
		if (aggregation.method === 'trimmed_mean' && sorted.length >= (aggregation.minJudges ?? 5)) return sorted.slice(aggregation.trim ?? 1, -(aggregation.trim ?? 1));
		return sorted;
	};
	let numerator: bigint; // the aggregate in points is numerator × 100 ÷ (count × product × weights)
	let count: bigint;
	if ((component.level ?? 'judge_total') === 'judge_total') {
		const kept = pick(complete.map((sheet) => combine((key) => BigInt(sheet.scores[key] as number))));
		[numerator, count] = [kept.reduce((a, b) => a + b, 0n), BigInt(kept.length)];
	} else {
		const keptByCriterion = new Map(criteria.map(({ key }) => [key, pick(complete.map((sheet) => BigInt(sheet.scores[key] as number)))]));
		count = BigInt(keptByCriterion.get(criteria[0]!.key)!.length);
		numerator = combine((key) => keptByCriterion.get(key)!.reduce((a, b) => a + b, 0n));
	}
	if (count === 0n) return 0;
	const denominator = count * product * weights;
	const deduction = BigInt(defects * (component.deductions?.[0]?.points ?? 0));
	const remaining = numerator * 10000n - deduction * denominator; // in hundredths × denominator
	return remaining <= 0n ? 0 : Number((2n * remaining + denominator) / (2n * denominator));
}

function withEntry(input: RoundInput, index: number, change: (entry: EntryInput) => EntryInput): RoundInput {
	return { entries: input.entries.map((entry, at) => (at === index ? change(entry) : entry)) };
}

describe('evaluateRound properties', () => {
	it('gives the same results whatever order entries, sheets and judges arrive in', () => {
		fc.assert(
			fc.property(roundArbitrary, fc.integer(), ({ scheme, input }, seed) => {
				const shuffled: RoundInput = {
					entries: shuffle(input.entries, seed).map((entry, index) => ({
						...entry,
						sheets: { practical: shuffle(entry.sheets?.practical ?? [], seed + index) }
					}))
				};
				expect(evaluateRound(scheme, shuffled)).toEqual(evaluateRound(scheme, input));
			}),
			RUNS
		);
	});

	it('matches an independent bigint transcription of the judges formula', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ scheme, input }) => {
				const practical = scheme.components[0] as JudgesComponent;
				const result = evaluateRound(scheme, input);
				for (const entry of input.entries) {
					const published = result.entries.find((row) => row.entryId === entry.id)!;
					const expected = referenceJudgesValue(practical, entry.sheets?.practical ?? [], entry.deductions?.practical?.defect ?? 0);
					expect(published.components.practical).toBe(expected);
				}
			}),
			RUNS
		);
	});

	it('gives identical results on the Number fast path and on bigint', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ scheme, input }) => {
				expect(normalise(evaluateRound(scheme, input))).toEqual(normalise(evaluateRound(scheme, input, { arithmetic: 'bigint' })));
			}),
			RUNS
		);
	});

	it('publishes totals anyone can recompute from the published rounded components', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ scheme, input }) => {
				for (const entry of evaluateRound(scheme, input).entries) {
					const weighted = scheme.components.reduce((sum, component) => sum + BigInt(component.weight) * BigInt(entry.components[component.key]!), 0n);
					// T = round(Σ weight_% × C ÷ 100); weights are in hundredths of a percent, hence ÷ 10000.
					expect(entry.total).toBe(Number((2n * weighted + 10000n) / 20000n));
				}
			}),
			RUNS
		);
	});

	it('never lowers a total or a rank when one of the entry’s marks, its theory score or its votes go up', () => {
		fc.assert(
			fc.property(roundArbitrary, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3500 }), ({ scheme, input }, pickEntry, pickSheet, pickCriterion, raise) => {
				const index = pickEntry % input.entries.length;
				const entry = input.entries[index]!;
				const practical = scheme.components[0] as JudgesComponent;
				const criterion = practical.criteria[pickCriterion % practical.criteria.length]!;
				const sheets = entry.sheets?.practical ?? [];
				const sheetIndex = sheets.length === 0 ? -1 : pickSheet % sheets.length;
				const raised = withEntry(input, index, (original) => ({
					...original,
					sheets: {
						practical: sheets.map((sheet, at) => {
							const mark = sheet.scores[criterion.key];
							if (at !== sheetIndex || typeof mark !== 'number') return sheet;
							return { ...sheet, scores: { ...sheet.scores, [criterion.key]: Math.min(criterion.max, mark + raise) } };
						})
					},
					entered: { theory: Math.min(6000, (original.entered?.theory ?? 0) + (raise % 3) * 100) },
					votes: { vote: (original.votes?.vote ?? 0) + (raise % 2) }
				}));
				const before = evaluateRound(scheme, input).entries.find((row) => row.entryId === entry.id)!;
				const after = evaluateRound(scheme, raised).entries.find((row) => row.entryId === entry.id)!;
				expect(after.total).toBeGreaterThanOrEqual(before.total);
				expect(after.rank).toBeLessThanOrEqual(before.rank);
			}),
			RUNS
		);
	});

	it('gives entries with equal inputs equal ranks, listed by number', () => {
		fc.assert(
			fc.property(roundArbitrary, fc.nat(), fc.integer({ min: 1, max: 3 }), ({ scheme, input }, pick, copies) => {
				const original = input.entries[pick % input.entries.length]!;
				const clones = Array.from({ length: copies }, (_, index) => ({ ...original, id: `clone-${index}`, number: 100 + index }));
				const result = evaluateRound(scheme, { entries: [...input.entries, ...clones] });
				const group = result.entries.filter((row) => row.entryId === original.id || row.entryId.startsWith('clone-'));
				expect(new Set(group.map((row) => row.rank)).size).toBe(1);
				expect(new Set(group.map((row) => row.tier)).size).toBe(1);
				expect(group.map((row) => row.number)).toEqual([original.number, ...clones.map((clone) => clone.number)]);
				// Every run of equal ranks is listed by number.
				result.entries.forEach((row, position) => {
					const previous = result.entries[position - 1];
					if (previous?.rank === row.rank) expect(previous.number).toBeLessThan(row.number);
				});
			}),
			RUNS
		);
	});

	it('ranks every entry with competition ranking (1, 2, 2, 4)', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ scheme, input }) => {
				const ranks = evaluateRound(scheme, input).entries.map((row) => row.rank);
				ranks.forEach((rank, position) => expect(rank === ranks[position - 1] || rank === position + 1).toBe(true));
			}),
			RUNS
		);
	});

	it('ranks teams from published numbers only (DESIGN.md §3): the rounded team score, then the best total, then shared', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ scheme, input }) => {
				const result = evaluateRound(scheme, input);
				const rule = scheme.teams!;
				// An independent transcription from the published totals and units alone.
				const byUnit = new Map<string, number[]>();
				for (const entry of result.entries) if (entry.unit !== null) byUnit.set(entry.unit, [...(byUnit.get(entry.unit) ?? []), entry.total]);
				const expected = [...byUnit].map(([unit, totals]) => {
					const best = totals.sort((a, b) => b - a).slice(0, rule.size);
					const sum = best.reduce((a, b) => a + b, 0);
					const score = rule.method === 'sum' ? sum : Number((2n * BigInt(sum) + BigInt(best.length)) / (2n * BigInt(best.length)));
					return { unit, score, best: best[0]!, isComplete: best.length === rule.size };
				});
				for (const team of expected) {
					const published = result.teams.find((row) => row.unit === team.unit)!;
					expect(published.score).toBe(team.score);
					const better = expected.filter((other) => other.isComplete && (other.score > team.score || (other.score === team.score && other.best > team.best)));
					expect(published.rank).toBe(team.isComplete ? better.length + 1 : null);
				}
			}),
			RUNS
		);
	});
});
