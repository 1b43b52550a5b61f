import { prepareJudgesComponent } from '../scoring/judges-component';
import type { JudgesComponent } from '../scoring/types';

/**
 * A judge's score for one sheet, R_j = Σ_c (s_c ÷ max_c) × w_c × 100 ÷ Σ_c w_c, in hundredths
 * rounded half-up (the engine keeps it exact; sheets and charts show it to the hundredth). Null when
 * the sheet is incomplete (a criterion missing, outside 0..max or not in whole hundredths).
 */
export function judgeScoreHundredths(component: JudgesComponent, scores: Readonly<Record<string, number | null | undefined>>): number | null {
	const prepared = prepareJudgesComponent(component, 1, undefined, 'bigint');
	let sum = 0n;
	for (const criterion of prepared.criteria) {
		const score = scores[criterion.key];
		if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > criterion.max) return null;
		sum += BigInt(score) * BigInt(criterion.gain);
	}
	const numerator = 10_000n * sum;
	const denominator = BigInt(prepared.denominator);
	return Number((2n * numerator + denominator) / (2n * denominator));
}
