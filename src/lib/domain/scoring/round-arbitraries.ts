/**
 * Random schemes and rounds for the engine's property tests (test-only). Marks are drawn mostly
 * from a few coarse levels so that equal totals, equal tie-break values and ties at tier and
 * advancement boundaries happen often.
 */
import fc from 'fast-check';
import type { Aggregation, Criterion, EntryInput, JudgesComponent, RoundInput, Scheme, TieBreakRule, Tier } from './types';

export interface GeneratedRound {
	scheme: Scheme;
	input: RoundInput;
}

const JUDGE_IDS = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'];

const criterionArbitrary = (index: number): fc.Arbitrary<Criterion> =>
	fc.record({
		key: fc.constant(`c${index}`),
		max: fc.constantFrom(300, 997, 1000, 2000, 3500),
		weight: fc.option(fc.integer({ min: 50, max: 3000 }), { nil: undefined })
	});

const aggregationArbitrary: fc.Arbitrary<Aggregation> = fc.oneof(
	fc.constant({ method: 'mean' as const }),
	fc.constant({ method: 'median' as const }),
	fc.integer({ min: 3, max: 5 }).map((minJudges) => ({ method: 'trimmed_mean' as const, trim: 1, minJudges }))
);

const tiersArbitrary: fc.Arbitrary<Tier[]> = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 6000 })).map(
	([count, share, minimum]) => [
		{ key: 'first', label: { 'zh-CN': '一等奖', en: 'First' }, limit: { kind: 'count', count } },
		{ key: 'second', label: { 'zh-CN': '二等奖', en: 'Second' }, limit: { kind: 'share', share } },
		{ key: 'merit', label: { 'zh-CN': '优秀奖', en: 'Merit' }, limit: { kind: 'none' }, minimumTotal: minimum }
	]
);

export const schemeArbitrary: fc.Arbitrary<Scheme> = fc
	.record({
		criteria: fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => criterionArbitrary(index)))),
		aggregation: aggregationArbitrary,
		level: fc.constantFrom('judge_total' as const, 'criterion' as const),
		deductionPoints: fc.integer({ min: 100, max: 500 }),
		cuts: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })),
		enteredMax: fc.constantFrom(6000, 10000),
		normalisation: fc.constantFrom('top' as const, 'share' as const),
		tieBreaks: fc.subarray<TieBreakRule>(['component:practical', 'component:theory', 'fewer_deductions', 'earlier_finish']),
		tiers: tiersArbitrary,
		teams: fc.record({ size: fc.integer({ min: 1, max: 3 }), method: fc.constantFrom('sum' as const, 'mean' as const) }),
		advancement: fc.oneof(
			fc.integer({ min: 0, max: 6 }).map((count) => ({ kind: 'top' as const, count })),
			fc.integer({ min: 0, max: 10000 }).map((share) => ({ kind: 'top_share' as const, share })),
			fc.integer({ min: 0, max: 10000 }).map((minimum) => ({ kind: 'minimum_total' as const, minimum }))
		),
		spreadThreshold: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined })
	})
	.map((draw) => {
		// Weights in steps of 5 % from two cut points, so they always total 100 %.
		const [low, high] = [Math.min(...draw.cuts), Math.max(...draw.cuts)];
		const practical: JudgesComponent = {
			key: 'practical',
			source: 'judges',
			weight: low * 500,
			criteria: draw.criteria,
			aggregation: draw.aggregation,
			level: draw.level,
			deductions: [{ key: 'defect', points: draw.deductionPoints }]
		};
		return {
			components: [
				practical,
				{ key: 'theory', source: 'entered' as const, weight: (high - low) * 500, max: draw.enteredMax },
				{ key: 'vote', source: 'public_vote' as const, weight: (20 - high) * 500, normalisation: draw.normalisation }
			],
			tieBreaks: draw.tieBreaks,
			tiers: draw.tiers,
			teams: draw.teams,
			advancement: draw.advancement,
			spreadThreshold: draw.spreadThreshold
		};
	});

/** A mark for a criterion: usually one of five coarse levels, sometimes any value, rarely missing. */
const markArbitrary = (max: number): fc.Arbitrary<number | undefined> =>
	fc.oneof(
		{ weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }).map((level) => Math.floor((max * level) / 4)) },
		{ weight: 3, arbitrary: fc.integer({ min: 0, max }) },
		{ weight: 1, arbitrary: fc.constant(undefined) }
	);

function entryArbitrary(scheme: Scheme, number: number): fc.Arbitrary<EntryInput> {
	const practical = scheme.components[0] as JudgesComponent;
	const sheetArbitrary = (judgeId: string) =>
		fc.tuple(...practical.criteria.map((criterion) => markArbitrary(criterion.max))).map((marks) => ({
			judgeId,
			scores: Object.fromEntries(practical.criteria.map((criterion, index) => [criterion.key, marks[index]]))
		}));
	return fc
		.record({
			unit: fc.constantFrom('A', 'B', 'C', undefined),
			finishedAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
			judges: fc.subarray(JUDGE_IDS),
			defects: fc.integer({ min: 0, max: 2 }),
			theory: fc.option(fc.integer({ min: 0, max: 4 }).map((level) => level * 1500), { nil: null }),
			votes: fc.integer({ min: 0, max: 5 })
		})
		.chain((draw) =>
			fc.tuple(...draw.judges.map(sheetArbitrary)).map(
				(sheets): EntryInput => ({
					id: `entry-${number}`,
					number,
					unit: draw.unit,
					finishedAt: draw.finishedAt,
					sheets: { practical: sheets },
					deductions: { practical: { defect: draw.defects } },
					entered: { theory: draw.theory },
					votes: { vote: draw.votes }
				})
			)
		);
}

export const roundArbitrary: fc.Arbitrary<GeneratedRound> = schemeArbitrary.chain((scheme) =>
	fc
		.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 10 })
		.chain((numbers) => fc.tuple(...numbers.map((number) => entryArbitrary(scheme, number))))
		.map((entries) => ({ scheme, input: { entries } }))
);

/** A deterministic shuffle (mulberry32), so a failing case replays from its seed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
	const result = [...items];
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
		mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
	for (let index = result.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[result[index], result[other]] = [result[other] as T, result[index] as T];
	}
	return result;
}
