/**
 * The marking scheme and the raw data of one round, as plain data (DESIGN.md §3).
 *
 * Units: every quantity that may carry decimals is an integer number of hundredths (`Hundredths`):
 * 12.5 points is 1250, a weight of 20 % is 2000, a share of 12.5 % is 1250. Counts (votes,
 * occurrences, places) are plain integers.
 */

/** An integer number of hundredths of a point or of a percent. */
export type Hundredths = number;

/** A label in each language the platform ships. */
export interface Labels {
	'zh-CN': string;
	en: string;
}

export type Aggregation =
	| { method: 'mean' }
	/** Drops `trim` highest and `trim` lowest (default 1) when at least `minJudges` (default 5) are present. */
	| { method: 'trimmed_mean'; trim?: number; minJudges?: number }
	| { method: 'median' };

export type AggregationLevel = 'judge_total' | 'criterion';

export interface Criterion {
	key: string;
	label?: Labels;
	max: Hundredths;
	/** Defaults to `max`, so a criterion's weight is its marks unless told otherwise. */
	weight?: Hundredths;
}

export interface DeductionItem {
	key: string;
	label?: Labels;
	/** Points per occurrence on the component's 0–100 scale. */
	points: Hundredths;
}

interface ComponentBase {
	key: string;
	label?: Labels;
	/** Percent of the total, in hundredths (20 % → 2000); a scheme's weights total exactly 10000. */
	weight: Hundredths;
}

export interface JudgesComponent extends ComponentBase {
	source: 'judges';
	criteria: Criterion[];
	aggregation?: Aggregation;
	level?: AggregationLevel;
	deductions?: DeductionItem[];
}

export interface EnteredComponent extends ComponentBase {
	source: 'entered';
	/** Defaults to 100 points (10000). */
	max?: Hundredths;
}

export interface PublicVoteComponent extends ComponentBase {
	source: 'public_vote';
	normalisation?: 'top' | 'share';
}

export type Component = JudgesComponent | EnteredComponent | PublicVoteComponent;

export type TieBreakRule = `component:${string}` | 'fewer_deductions' | 'earlier_finish';

export type TierLimit = { kind: 'count'; count: number } | { kind: 'share'; share: Hundredths } | { kind: 'none' };

export interface Tier {
	key: string;
	label: Labels;
	limit: TierLimit;
	minimumTotal?: Hundredths;
}

export interface TeamRule {
	/** N: the best N totals of a unit's entries make its team score. */
	size: number;
	method: 'sum' | 'mean';
}

export type AdvancementRule =
	| { kind: 'top'; count: number }
	| { kind: 'top_share'; share: Hundredths }
	| { kind: 'minimum_total'; minimum: Hundredths };

export interface Scheme {
	components: Component[];
	tieBreaks?: TieBreakRule[];
	tiers?: Tier[];
	teams?: TeamRule;
	advancement?: AdvancementRule;
	/** Spread (max − min across judges) above this, on the 0–100 scale, raises a flag. */
	spreadThreshold?: Hundredths;
}

/** One judge's marks for one entry in one judges component; a missing criterion is absent or null. */
export interface SheetInput {
	judgeId: string;
	scores: Readonly<Record<string, Hundredths | null | undefined>>;
}

/** Everything recorded for one entry, keyed by component key. */
export interface EntryInput {
	id: string;
	/** The drawn contestant number; listing order among equals. */
	number: number;
	unit?: string;
	/** An entered finish time (any comparable number, smaller is earlier), for `earlier_finish`. */
	finishedAt?: number;
	sheets?: Readonly<Record<string, readonly SheetInput[]>>;
	/** Occurrences per deduction item, recorded once per entry by the panel. */
	deductions?: Readonly<Record<string, Readonly<Record<string, number>>>>;
	entered?: Readonly<Record<string, Hundredths | null | undefined>>;
	votes?: Readonly<Record<string, number>>;
}

export interface RoundInput {
	entries: readonly EntryInput[];
}
