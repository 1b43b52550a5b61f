import { formatHundredths, formatRatio, type Ratio } from '../scoring/decimal';
import type { ResolvedAggregation } from '../scoring/aggregate';
import type { ComponentBreakdown, EntryResult } from '../scoring/results';
import type { Labels, Scheme } from '../scoring/types';

/** A ratio as stored in JSON: parts too large for a Number travel as decimal strings. */
export type StoredRatio = { numerator: number | string | bigint; denominator: number | string | bigint };

export interface ExplainedJudge {
	/** 1, 2, 3… in the breakdown's order: judges are shown by seat, never by name. */
	seat: number;
	/** Each criterion's mark as recorded, e.g. "8.50" (null when missing). */
	scores: { criterion: string; label: Labels | null; value: string | null }[];
	/** R_j on the 0–100 scale, four decimals; null for an incomplete sheet. */
	judgeScore: string | null;
	status: 'counted' | 'dropped_low' | 'dropped_high' | 'incomplete';
}

interface ExplainedBase {
	key: string;
	label: Labels | null;
	/** Percent of the total, e.g. "90.00". */
	weight: string;
	/** The rounded component C_k, e.g. "87.65". */
	value: string;
	/** weight × C_k ÷ 100, exact, e.g. "78.8850". */
	weighted: string;
}

export type ExplainedComponent =
	| (ExplainedBase & {
			source: 'judges';
			aggregation: ResolvedAggregation;
			level: 'judge_total' | 'criterion';
			judges: ExplainedJudge[];
			/** The panel's aggregate before deductions, four decimals. */
			aggregate: string;
			deductions: { item: string; label: Labels | null; count: number; points: string; total: string }[];
			totalDeduction: string;
	  })
	| (ExplainedBase & { source: 'entered'; entered: string | null; max: string })
	| (ExplainedBase & { source: 'public_vote'; normalisation: 'top' | 'share'; votes: number; reference: number });

export interface Explanation {
	components: ExplainedComponent[];
	/** Σ weight × C_k ÷ 100 before rounding, exact. */
	weightedSum: string;
	/** The published total T. */
	total: string;
	/** Whether rounding the weighted sum half-up gives the published total (it always should). */
	totalMatches: boolean;
	rank: number;
	tier: string | null;
}

const toRatio = (ratio: StoredRatio): Ratio => ({ numerator: BigInt(ratio.numerator), denominator: BigInt(ratio.denominator) });

/** An exact number of hundredths × 1/10000 (a weight × a component) written with up to four decimals, at least two. */
function formatWeighted(tenThousandthsOfHundredths: bigint): string {
	return trimPlaces(formatRatio({ numerator: tenThousandthsOfHundredths, denominator: 10_000n }, 6));
}

function trimPlaces(text: string): string {
	return text.replace(/(\.\d\d\d*?)0+$/, '$1');
}

function labelOf(labels: Labels | undefined): Labels | null {
	return labels ?? null;
}

function explainComponent(breakdown: ComponentBreakdown, scheme: Scheme): ExplainedComponent {
	const component = scheme.components.find((candidate) => candidate.key === breakdown.key);
	const base: ExplainedBase = {
		key: breakdown.key,
		label: labelOf(component?.label),
		weight: formatHundredths(breakdown.weight),
		value: formatHundredths(breakdown.value),
		weighted: formatWeighted(BigInt(breakdown.weight) * BigInt(breakdown.value))
	};
	if (breakdown.source === 'entered') return { ...base, source: 'entered', entered: breakdown.entered === null ? null : formatHundredths(breakdown.entered), max: formatHundredths(breakdown.max) };
	if (breakdown.source === 'public_vote') return { ...base, source: 'public_vote', normalisation: breakdown.normalisation, votes: breakdown.votes, reference: breakdown.reference };
	const criteria = component?.source === 'judges' ? component.criteria : [];
	const deductionItems = component?.source === 'judges' ? (component.deductions ?? []) : [];
	return {
		...base,
		source: 'judges',
		aggregation: breakdown.aggregation,
		level: breakdown.level,
		judges: breakdown.sheets.map((sheet, index) => ({
			seat: index + 1,
			scores: criteria.map((criterion) => {
				const mark = sheet.scores[criterion.key];
				return { criterion: criterion.key, label: labelOf(criterion.label), value: mark === null || mark === undefined ? null : formatHundredths(mark) };
			}),
			judgeScore: sheet.judgeScore ? formatRatio(toRatio(sheet.judgeScore as StoredRatio), 4) : null,
			status: sheet.status
		})),
		aggregate: formatRatio(toRatio(breakdown.aggregate as StoredRatio), 4),
		deductions: breakdown.deductions.map((deduction) => ({
			item: deduction.item,
			label: labelOf(deductionItems.find((item) => item.key === deduction.item)?.label),
			count: deduction.count,
			points: formatHundredths(deduction.points),
			total: formatHundredths(deduction.total)
		})),
		totalDeduction: formatHundredths(breakdown.totalDeduction)
	};
}

/**
 * One entry's published numbers in the order anyone can recompute them (DESIGN §3, Explanation): per
 * component the judges' R_j with the dropped ones marked, deductions, entered values and the vote
 * normalisation, each rounded C_k with its weight, then T = round(Σ weight × C_k ÷ 100). Judges
 * appear by seat only. `totalMatches` re-checks the last step from the rounded components.
 */
export function explainEntry(entry: EntryResult, scheme: Scheme): Explanation {
	const components = entry.breakdown.components.map((breakdown) => explainComponent(breakdown, scheme));
	const sum = entry.breakdown.components.reduce((total, breakdown) => total + BigInt(breakdown.weight) * BigInt(breakdown.value), 0n);
	// Σ w × C is in (hundredths of a percent × hundredths of a point); ÷ 10000 gives hundredths, rounded half-up.
	const recomputed = (2n * sum + 10_000n) / 20_000n;
	return {
		components,
		weightedSum: formatWeighted(sum),
		total: formatHundredths(entry.total),
		totalMatches: recomputed === BigInt(entry.total),
		rank: entry.rank,
		tier: entry.tier
	};
}

/** A label in the reader's language, else the key it belongs to. */
export function labelIn(labels: Labels | null, locale: string, fallback: string): string {
	if (!labels) return fallback;
	return (locale === 'en' ? labels.en : labels['zh-CN']) || fallback;
}
