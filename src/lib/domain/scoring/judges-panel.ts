import { selectCountedScores } from './aggregate';
import { FULL_SCALE } from './decimal';
import type { Integer, Panel, PreparedJudgesComponent } from './judges-scale';
import type { CriterionBreakdown, EntryFlag, JudgeSheetBreakdown } from './results';
import type { SheetInput } from './types';

/** Sheets by judge id, so which of two equal scores is "dropped" never depends on arrival order. */
export function orderByJudge(sheets: readonly SheetInput[]): readonly SheetInput[] {
	for (let index = 1; index < sheets.length; index++) {
		if ((sheets[index - 1] as SheetInput).judgeId >= (sheets[index] as SheetInput).judgeId)
			return [...sheets].sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
	}
	return sheets;
}

/**
 * Adds a complete sheet to the panel and returns Σ_c s_jc × gain_c; returns null (counting nothing)
 * when any criterion is missing, outside 0..max or not in whole hundredths.
 */
export function readSheet(prepared: PreparedJudgesComponent, sheet: SheetInput, panel: Panel): Integer | null {
	const { arithmetic, criteria } = prepared;
	const offset = panel.count * criteria.length;
	let sum: Integer = arithmetic.zero;
	for (let index = 0; index < criteria.length; index++) {
		const criterion = criteria[index] as PreparedJudgesComponent['criteria'][number];
		// Keys never name an Object.prototype property (validateScheme), so a missing mark reads as undefined.
		const score = sheet.scores[criterion.key];
		if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > criterion.max) return null;
		panel.marks[offset + index] = score;
		// The hot path: plain Numbers, proven exact by prepareJudgesComponent's bound.
		if (prepared.isNumberPath) sum = (sum as number) + score * (criterion.gain as number);
		else sum = arithmetic.add(sum, arithmetic.multiply(arithmetic.fromInteger(score), criterion.gain));
	}
	panel.judgeIds[panel.count] = sheet.judgeId;
	panel.sums[panel.count] = sum;
	panel.count++;
	return sum;
}

export interface PanelAggregate {
	/** Σ of counted Σ_c s × gain; the aggregate in hundredths is 10000 × total ÷ (counted × D). */
	total: Integer;
	counted: number;
	criteriaBreakdown: CriterionBreakdown[] | null;
}

export function aggregateJudgeTotals(prepared: PreparedJudgesComponent, panel: Panel, rows: JudgeSheetBreakdown[]): PanelAggregate {
	const { arithmetic } = prepared;
	const status = selectCountedScores(panel.sums, arithmetic.compare, prepared.aggregation, panel.count);
	let completeIndex = 0;
	for (const row of rows) if (row.isComplete) row.status = status[completeIndex++] as JudgeSheetBreakdown['status'];
	let total = arithmetic.zero;
	let counted = 0;
	for (let index = 0; index < status.length; index++) {
		if (status[index] !== 'counted') continue;
		total = arithmetic.add(total, panel.sums[index] as Integer);
		counted++;
	}
	return { total, counted, criteriaBreakdown: null };
}

/**
 * The judge_total aggregate without a breakdown: the same choice as `selectCountedScores` (sorted by
 * value, equal values by position; drop `low` lowest and `high` highest), summed in place. Sets
 * `panel.counted`; allocates nothing, which is what keeps a 5,000-entry round out of the garbage collector.
 */
export function sumCountedJudgeTotals(prepared: PreparedJudgesComponent, panel: Panel): Integer {
	const { arithmetic, aggregation } = prepared;
	const count = panel.count;
	const order = panel.order;
	for (let index = 0; index < count; index++) order[index] = index;
	let low = 0;
	let high = 0;
	if (aggregation.method === 'trimmed_mean' && count >= aggregation.minJudges) low = high = aggregation.trim;
	else if (aggregation.method === 'median' && count > 0) low = high = Math.floor((count - 1) / 2);
	const sums = panel.sums;
	const compare = prepared.isNumberPath ? (a: Integer, b: Integer) => (a as number) - (b as number) : arithmetic.compare;
	if (low > 0 || high > 0) {
		for (let position = 1; position < count; position++) {
			const current = order[position] as number;
			let before = position - 1;
			while (before >= 0 && compare(sums[order[before] as number] as Integer, sums[current] as Integer) > 0) {
				order[before + 1] = order[before] as number;
				before--;
			}
			order[before + 1] = current;
		}
	}
	panel.counted = Math.max(count - high - low, 0);
	if (prepared.isNumberPath) {
		// Plain Numbers (exact below 2^53, see prepareJudgesComponent): no boxed intermediates.
		let total = 0;
		for (let position = low; position < count - high; position++) total += sums[order[position] as number] as number;
		return total;
	}
	let total: Integer = arithmetic.zero;
	for (let position = low; position < count - high; position++) total = arithmetic.add(total, sums[order[position] as number] as Integer);
	return total;
}

export function aggregateCriteria(prepared: PreparedJudgesComponent, panel: Panel): PanelAggregate {
	const { arithmetic } = prepared;
	const width = prepared.criteria.length;
	let total = arithmetic.zero;
	let counted = 0;
	const criteriaBreakdown = prepared.criteria.map((criterion, column): CriterionBreakdown => {
		const scores: number[] = [];
		for (let row = 0; row < panel.count; row++) scores.push(panel.marks[row * width + column] as number);
		const status = selectCountedScores(scores, (a, b) => a - b, prepared.aggregation);
		let sum = 0;
		counted = 0;
		const dropped: CriterionBreakdown['dropped'] = [];
		status.forEach((state, index) => {
			if (state !== 'counted') return dropped.push({ judgeId: panel.judgeIds[index] as string, status: state });
			sum += scores[index] as number;
			counted++;
		});
		total = arithmetic.add(total, arithmetic.multiply(arithmetic.fromInteger(sum), criterion.gain));
		return { criterion: criterion.key, aggregate: { numerator: sum, denominator: Math.max(counted, 1) }, dropped };
	});
	return { total, counted, criteriaBreakdown };
}

export function flagSpreads(prepared: PreparedJudgesComponent, threshold: number, panel: Panel, flags: EntryFlag[]): void {
	const { arithmetic, component } = prepared;
	let lowest = panel.sums[0] as Integer;
	let highest = lowest;
	for (let index = 1; index < panel.count; index++) {
		const sum = panel.sums[index] as Integer;
		if (arithmetic.compare(sum, lowest) < 0) lowest = sum;
		if (arithmetic.compare(sum, highest) > 0) highest = sum;
	}
	// (max R − min R) > threshold  ⇔  10000 × (max Σ − min Σ) > threshold × D, all in whole numbers.
	const spread = arithmetic.multiply(arithmetic.fromInteger(FULL_SCALE), arithmetic.subtract(highest, lowest));
	if (arithmetic.compare(spread, arithmetic.multiply(arithmetic.fromInteger(threshold), prepared.denominator)) > 0)
		flags.push({ code: 'spread_over_threshold', component: component.key, criterion: null });
	const width = prepared.criteria.length;
	for (let column = 0; column < width; column++) {
		const criterion = prepared.criteria[column] as PreparedJudgesComponent['criteria'][number];
		let low = Infinity;
		let high = -Infinity;
		for (let index = column; index < panel.count * width; index += width) {
			const score = panel.marks[index] as number;
			if (score < low) low = score;
			if (score > high) high = score;
		}
		// Criterion spreads are put on the 0–100 scale (Δs ÷ max × 100) so one threshold fits every criterion.
		if ((high - low) * FULL_SCALE > threshold * criterion.max)
			flags.push({ code: 'spread_over_threshold', component: component.key, criterion: criterion.key });
	}
}
