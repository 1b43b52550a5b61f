/**
 * The exact scoring engine on 5,000 entries × 7 judges × 10 criteria (seeded, so every run scores
 * the same round), beside a naive floating-point ranking of the same data timed in the same run.
 */
import { evaluateRound, type EntryInput, type JudgesComponent, type RoundInput, type RoundResult, type Scheme } from '../src/lib/domain/scoring';
import type { Figure, Measure } from './run';

const ENTRIES = 5000;
const JUDGES = 7;
const CRITERIA = 10;
const SEED = 20_250_601;

/** mulberry32: a small seeded PRNG, so the benchmark data is the same on every machine. */
function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
		mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}

// Criterion maxes in hundredths (total 100 points); a few custom weights make R_j a true fraction.
const MAXES = [1000, 1500, 500, 1000, 2000, 1000, 500, 1500, 500, 500];
const WEIGHTS = [undefined, 1200, undefined, 700, undefined, undefined, 300, undefined, 600, undefined];

const practical: JudgesComponent = {
	key: 'practical',
	source: 'judges',
	weight: 8000,
	aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
	criteria: MAXES.slice(0, CRITERIA).map((max, index) => ({ key: `c${index}`, max, weight: WEIGHTS[index] })),
	deductions: [{ key: 'defect', points: 200 }]
};

export const scheme: Scheme = {
	components: [{ key: 'theory', source: 'entered', weight: 2000 }, practical],
	tieBreaks: ['component:practical', 'fewer_deductions', 'earlier_finish'],
	tiers: [
		{ key: 'first', label: { 'zh-CN': '一等奖', en: 'First prize' }, limit: { kind: 'share', share: 1000 } },
		{ key: 'second', label: { 'zh-CN': '二等奖', en: 'Second prize' }, limit: { kind: 'share', share: 2000 } },
		{ key: 'third', label: { 'zh-CN': '三等奖', en: 'Third prize' }, limit: { kind: 'share', share: 3000 } }
	],
	teams: { size: 3, method: 'sum' },
	advancement: { kind: 'top_share', share: 2000 },
	spreadThreshold: 2000
};

/**
 * Each entry has a quality between 55 % and 100 %; each judge marks every criterion near it (±6 % of
 * the max, in half-point steps), as real panels roughly agree. About a third of entries have defects.
 */
export function generateRound(): RoundInput {
	const random = createRandom(SEED);
	const entries: EntryInput[] = [];
	for (let index = 0; index < ENTRIES; index++) {
		const quality = 0.55 + 0.45 * random();
		const sheets = Array.from({ length: JUDGES }, (_, judge) => {
			const scores: Record<string, number> = {};
			for (const criterion of practical.criteria) {
				const share = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.12));
				scores[criterion.key] = Math.round((criterion.max * share) / 50) * 50;
			}
			return { judgeId: `j${judge + 1}`, scores };
		});
		entries.push({
			id: `entry-${index + 1}`,
			number: index + 1,
			unit: `unit-${Math.floor(random() * 400)}`,
			finishedAt: 3000 + Math.floor(random() * 600),
			entered: { theory: Math.round(Math.min(100, Math.max(0, quality * 100 + (random() - 0.5) * 20)) * 2) * 50 },
			sheets: { practical: sheets },
			deductions: { practical: { defect: random() < 0.35 ? 1 + Math.floor(random() * 3) : 0 } }
		});
	}
	return { entries };
}

interface FloatRow {
	id: string;
	number: number;
	total: number;
	practical: number;
	deduction: number;
	finishedAt: number;
}

/** The practical component in floats: each judge's weighted mean, drop highest and lowest, minus deductions. */
function scorePracticalWithFloats(entry: EntryInput): number {
	const weightTotal = practical.criteria.reduce((sum, criterion) => sum + (criterion.weight ?? criterion.max) / 100, 0);
	const judgeScores = (entry.sheets?.practical ?? [])
		.map((sheet) => practical.criteria.reduce((sum, c) => sum + ((sheet.scores[c.key] as number) / c.max) * ((c.weight ?? c.max) / 100), 0) * (100 / weightTotal))
		.sort((a, b) => a - b)
		.slice(1, -1);
	const mean = judgeScores.reduce((sum, score) => sum + score, 0) / judgeScores.length;
	return Math.max(0, mean - (entry.deductions?.practical?.defect ?? 0) * 2);
}

/** Competition ranks (1, 2, 2, 4) from rows already in ranking order, equal when `isEqual` says so. */
function assignFloatRanks(rows: FloatRow[], isEqual: (a: FloatRow, b: FloatRow) => boolean): Map<string, { rank: number; total: number }> {
	const ranks = new Map<string, { rank: number; total: number }>();
	rows.forEach((row, position) => {
		const previous = rows[position - 1];
		const rank = previous && isEqual(previous, row) ? (ranks.get(previous.id)?.rank ?? position + 1) : position + 1;
		ranks.set(row.id, { rank, total: row.total });
	});
	return ranks;
}

/** What a quick implementation would do: floats throughout, trimmed mean, weighted total, sort. */
function rankWithFloats(input: RoundInput): Map<string, { rank: number; total: number }> {
	const rows = input.entries.map((entry): FloatRow => {
		const score = scorePracticalWithFloats(entry);
		const total = 0.2 * ((entry.entered?.theory ?? 0) / 100) + 0.8 * score;
		return { id: entry.id, number: entry.number, total, practical: score, deduction: 0, finishedAt: 0 };
	});
	rows.sort((a, b) => b.total - a.total || a.number - b.number);
	return assignFloatRanks(rows, (a, b) => a.total === b.total);
}

/** Floats again, but following every published rule: rounding with Math.round(x × 100) ÷ 100 and the same tie-breaks. */
function rankWithFloatsAndRules(input: RoundInput): Map<string, { rank: number; total: number }> {
	const roundToHundredths = (value: number) => Math.round(value * 100) / 100;
	const rows = input.entries.map((entry): FloatRow => {
		const score = roundToHundredths(scorePracticalWithFloats(entry));
		const theory = roundToHundredths((entry.entered?.theory ?? 0) / 100);
		const deduction = (entry.deductions?.practical?.defect ?? 0) * 2;
		return { id: entry.id, number: entry.number, total: roundToHundredths(0.2 * theory + 0.8 * score), practical: score, deduction, finishedAt: entry.finishedAt ?? Infinity };
	});
	const compare = (a: FloatRow, b: FloatRow) => b.total - a.total || b.practical - a.practical || a.deduction - b.deduction || a.finishedAt - b.finishedAt;
	rows.sort((a, b) => compare(a, b) || a.number - b.number);
	return assignFloatRanks(rows, (a, b) => compare(a, b) === 0);
}

/** How many entries a float ranking places differently from the exact engine, and how many totals differ at 0.01. */
function countDifferences(result: RoundResult, floats: Map<string, { rank: number; total: number }>): { ranks: number; totals: number } {
	let ranks = 0;
	let totals = 0;
	for (const entry of result.entries) {
		const naive = floats.get(entry.entryId);
		if (naive?.rank !== entry.rank) ranks++;
		if (Math.round((naive?.total ?? 0) * 100) !== entry.total) totals++;
	}
	return { ranks, totals };
}

export function runScoringBench(measure: Measure): Figure[] {
	const input = generateRound();
	const shape = `${ENTRIES}x${JUDGES}x${CRITERIA}`;
	const floatMs = measure(() => rankWithFloats(input));
	const engineMs = measure(() => evaluateRound(scheme, input));
	const engineBestMs = measure(() => evaluateRound(scheme, input), { warmUp: 0, runs: 21, statistic: 'min' });
	const bigintMs = measure(() => evaluateRound(scheme, input, { arithmetic: 'bigint' }), { warmUp: 1, runs: 5 });
	const exact = evaluateRound(scheme, input);
	const naive = countDifferences(exact, rankWithFloats(input));
	const withRules = countDifferences(exact, rankWithFloatsAndRules(input));
	return [
		{ bench: `engine_rank_${shape}_ms`, value: engineMs, unit: 'ms', baseline: floatMs },
		{ bench: `engine_rank_${shape}_min_ms`, value: engineBestMs, unit: 'ms' },
		{ bench: `engine_rank_bigint_${shape}_ms`, value: bigintMs, unit: 'ms', baseline: floatMs },
		{ bench: `float_rank_differs_${shape}_entries`, value: naive.ranks, unit: 'entries' },
		{ bench: `float_total_differs_${shape}_entries`, value: naive.totals, unit: 'entries' },
		{ bench: `float_with_rules_rank_differs_${shape}_entries`, value: withRules.ranks, unit: 'entries' },
		{ bench: `float_with_rules_total_differs_${shape}_entries`, value: withRules.totals, unit: 'entries' }
	];
}
