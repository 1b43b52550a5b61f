import type { JudgesComponent } from '../scoring/types';

// Whether a judge's sheet fits the round's scheme: the criterion and deduction keys the component
// names, each score within 0..max, and — to submit — every criterion scored. The shape (integers,
// hundredths ≥ 0) is the schema's; this is about the scheme in force.

export type SheetIssue =
	| { field: string; issue: 'unknown_criterion' }
	| { field: string; issue: 'above_max'; max: number }
	| { field: string; issue: 'missing' }
	| { field: string; issue: 'unknown_deduction' };

export interface SheetValues {
	scores: Readonly<Record<string, number | null>>;
	deductions: Readonly<Record<string, number>>;
}

export function checkSheet(component: JudgesComponent, values: SheetValues, kind: 'save' | 'submit'): SheetIssue[] {
	const issues: SheetIssue[] = [];
	const criteria = new Map(component.criteria.map((criterion) => [criterion.key, criterion]));
	const items = new Set((component.deductions ?? []).map((item) => item.key));
	for (const [key, value] of Object.entries(values.scores)) {
		const criterion = criteria.get(key);
		if (!criterion) issues.push({ field: `scores.${key}`, issue: 'unknown_criterion' });
		else if (value !== null && value > criterion.max) issues.push({ field: `scores.${key}`, issue: 'above_max', max: criterion.max });
	}
	for (const key of Object.keys(values.deductions)) {
		if (!items.has(key)) issues.push({ field: `deductions.${key}`, issue: 'unknown_deduction' });
	}
	if (kind === 'submit') {
		for (const criterion of component.criteria) {
			const value = values.scores[criterion.key];
			if (value === null || value === undefined) issues.push({ field: `scores.${criterion.key}`, issue: 'missing' });
		}
	}
	return issues;
}

/** The values as stored: unscored criteria (null) dropped, zero counts dropped. */
export function storedValues(values: SheetValues): { scores: Record<string, number>; deductions: Record<string, number> } {
	const scores: Record<string, number> = {};
	for (const [key, value] of Object.entries(values.scores)) if (value !== null) scores[key] = value;
	const deductions: Record<string, number> = {};
	for (const [key, count] of Object.entries(values.deductions)) if (count > 0) deductions[key] = count;
	return { scores, deductions };
}
