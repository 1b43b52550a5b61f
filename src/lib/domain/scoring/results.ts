import type { Ratio } from './decimal';
import type { ResolvedAggregation, ScoreStatus } from './aggregate';
import type { AggregationLevel, Hundredths, SheetInput, TieBreakRule } from './types';

/** Something the head judge or organiser should look at; never changes a score. */
export type EntryFlag =
	| { code: 'spread_over_threshold'; component: string; criterion: string | null }
	| { code: 'incomplete_sheet'; component: string; judgeId: string }
	| { code: 'no_complete_sheet'; component: string }
	| { code: 'missing_entered_value'; component: string }
	| { code: 'invalid_entered_value'; component: string }
	| { code: 'tier_over_count'; tier: string };

export interface JudgeSheetBreakdown {
	judgeId: string;
	/** The sheet exactly as recorded. */
	scores: SheetInput['scores'];
	isComplete: boolean;
	/** R_j on the 0–100 scale, exact (in hundredths); null for an incomplete sheet. */
	judgeScore: Ratio | null;
	/** At `judge_total` level, whether this judge's R_j counted; at `criterion` level complete sheets are 'counted'. */
	status: ScoreStatus | 'incomplete';
}

export interface CriterionBreakdown {
	criterion: string;
	/** The criterion's aggregate across judges on its own 0..max scale, exact (in hundredths). */
	aggregate: Ratio;
	dropped: { judgeId: string; status: Exclude<ScoreStatus, 'counted'> }[];
}

export interface DeductionBreakdown {
	item: string;
	count: number;
	points: Hundredths;
	total: Hundredths;
}

interface ComponentBreakdownBase {
	key: string;
	/** Percent of the total, in hundredths. */
	weight: Hundredths;
	/** The rounded component score C_k (0–100, hundredths). */
	value: Hundredths;
}

export interface JudgesComponentBreakdown extends ComponentBreakdownBase {
	source: 'judges';
	level: AggregationLevel;
	aggregation: ResolvedAggregation;
	sheets: JudgeSheetBreakdown[];
	/** Per-criterion aggregates, at `criterion` level only. */
	criteria: CriterionBreakdown[] | null;
	/** The panel's aggregate before deductions, exact (in hundredths). */
	aggregate: Ratio;
	deductions: DeductionBreakdown[];
	totalDeduction: Hundredths;
}

export interface EnteredComponentBreakdown extends ComponentBreakdownBase {
	source: 'entered';
	/** The value as entered, or null when missing or unusable (then it counts 0). */
	entered: Hundredths | null;
	max: Hundredths;
}

export interface PublicVoteComponentBreakdown extends ComponentBreakdownBase {
	source: 'public_vote';
	normalisation: 'top' | 'share';
	votes: number;
	/** The most votes any entry has (`top`) or all votes cast (`share`). */
	reference: number;
}

export type ComponentBreakdown = JudgesComponentBreakdown | EnteredComponentBreakdown | PublicVoteComponentBreakdown;

/** How equal totals were separated for this entry; null when no other entry has the same total. */
export interface TieBreakOutcome {
	/** The rules consulted, in order, until this entry stood alone (or ran out). */
	rulesUsed: TieBreakRule[];
	isRankShared: boolean;
}

export interface EntryResult {
	entryId: string;
	number: number;
	unit: string | null;
	/** Rounded component scores C_k by component key. */
	components: Record<string, Hundredths>;
	total: Hundredths;
	rank: number;
	tier: string | null;
	advances: boolean;
	flags: EntryFlag[];
	breakdown: {
		components: ComponentBreakdown[];
		/** Σ count × points over every judges component: what `fewer_deductions` compares. */
		totalDeduction: Hundredths;
		tieBreak: TieBreakOutcome | null;
	};
}

export interface TeamResult {
	unit: string;
	/** The unit's best N entries (by total), best first. */
	entryIds: string[];
	/** Σ of the best N totals. */
	sum: Hundredths;
	/** The published team score: the sum, or for `mean` the mean rounded half-up; ranks compare it, then bestTotal. */
	score: Hundredths;
	bestTotal: Hundredths;
	isComplete: boolean;
	/** Null for an incomplete team. */
	rank: number | null;
}

export type RoundWarning = { code: 'tier_over_count'; tier: string; count: number; limit: number };

export interface RoundResult {
	/** Every entry, by rank, equal ranks by number. */
	entries: EntryResult[];
	/** Ranked teams by rank (equal by unit), then incomplete teams by unit. */
	teams: TeamResult[];
	/** Entry ids that go through to the next round, by rank. */
	advancing: string[];
	warnings: RoundWarning[];
}
