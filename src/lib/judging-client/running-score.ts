import type { JudgeComponentView } from '$lib/realtime/events';
import { formatRatio } from '$lib/domain/scoring/decimal';
import { prepareJudgesComponent, scoreJudgesComponent } from '$lib/domain/scoring/judges-component';

/**
 * The judge's own R_j for a sheet as it stands, by the engine's own arithmetic (the same function
 * the results use), on the 0–100 scale to 0.01. Criteria not scored yet count 0 while the judge works,
 * and `complete` says whether every criterion has a valid value.
 */
export function runningJudgeScore(component: JudgeComponentView, scores: Record<string, number | null>): { value: string; complete: boolean } {
	const prepared = prepareJudgesComponent(
		{
			key: component.key,
			source: 'judges',
			weight: 10000,
			criteria: component.criteria.map((criterion) => ({ key: criterion.key, max: criterion.max, ...(criterion.weight === undefined ? {} : { weight: criterion.weight }) }))
		},
		1
	);
	const complete = component.criteria.every((criterion) => isValidScore(scores[criterion.key], criterion.max));
	const filled = Object.fromEntries(component.criteria.map((criterion) => [criterion.key, isValidScore(scores[criterion.key], criterion.max) ? scores[criterion.key]! : 0]));
	const [row] = scoreJudgesComponent(prepared, [{ judgeId: 'device', scores: filled }], undefined, []).sheets;
	return { value: row?.judgeScore ? formatRatio(row.judgeScore, 2) : '0.00', complete };
}

export function isValidScore(value: number | null | undefined, max: number): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
